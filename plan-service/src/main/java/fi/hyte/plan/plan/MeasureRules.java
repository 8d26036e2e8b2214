package fi.hyte.plan.plan;

import fi.hyte.plan.catalogue.IndicatorCatalogue;
import fi.hyte.support.web.Problem;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rules for a goal's measures that need more than the plan knows: the indicator must be in the
 * catalogue (learnt from indicator-service's events, never asked for), the measure's region must be the
 * plan's region or one of its municipalities, and the baseline cannot be in the future. The plan itself
 * checks the rest (target after baseline, a direction that leads from baseline to target).
 *
 * <p>Until a catalogue has been learnt, indicators cannot be checked and are accepted, logged; approval
 * checks every goal awaiting approval again, so nothing unchecked becomes binding once a catalogue is known.
 * A region is checked against the county's municipalities if the catalogue knows them, otherwise it must
 * at least be a municipality code (three digits).
 */
@Component
public class MeasureRules {

    private static final Logger log = LoggerFactory.getLogger(MeasureRules.class);
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{3}");

    private final IndicatorCatalogue catalogue;
    private final Clock clock;

    MeasureRules(IndicatorCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Checks a goal's measures for a plan of {@code planRegion}, naming {@code measures[i].<field>}. */
    public void check(String planRegion, GoalContent goal) {
        check(planRegion, goal, "", catalogue.current());
    }

    /**
     * Checks every goal that awaits approval (new, or changed in a revision) before the plan is approved,
     * naming {@code goals[i].measures[j].<field>}; goals approved before and unchanged are left as they were
     * approved.
     */
    public void checkBeforeApproval(Plan plan) {
        var known = catalogue.current();
        List<Goal> goals = plan.goals();
        for (int i = 0; i < goals.size(); i++) {
            Goal goal = goals.get(i);
            if (goal.awaitsApproval()) {
                check(plan.region(), goal.content(), "goals[%d].".formatted(i), known);
            }
        }
    }

    private void check(String planRegion, GoalContent goal, String prefix, Optional<IndicatorCatalogue.Known> known) {
        int currentYear = Year.now(clock).getValue();
        for (int i = 0; i < goal.measures().size(); i++) {
            Measure measure = goal.measures().get(i);
            String field = prefix + "measures[" + i + "]";
            if (measure.baseline().year() > currentYear) {
                throw Problem.invalid(
                        field + ".baseline.year",
                        "baseline year %d is in the future; a baseline is a value already measured"
                                .formatted(measure.baseline().year()));
            }
            checkRegion(planRegion, measure.region(), field + ".region", known);
            if (known.isEmpty()) {
                log.warn(
                        "No indicator catalogue learnt yet: indicator {} of {} accepted unchecked",
                        measure.indicator(),
                        field);
            } else if (!known.get().hasIndicator(measure.indicator())) {
                throw Problem.invalid(
                        field + ".indicator",
                        "indicator %d is not in the indicator catalogue".formatted(measure.indicator()));
            }
        }
    }

    private static void checkRegion(
            String planRegion, String region, String field, Optional<IndicatorCatalogue.Known> known) {
        if (region == null || region.equals(planRegion)) {
            return;
        }
        var municipalities = known.flatMap(k -> k.municipalitiesOf(planRegion));
        boolean member = municipalities.isPresent()
                ? municipalities.get().contains(region)
                : MUNICIPALITY_CODE.matcher(region).matches();
        if (!member) {
            throw Problem.invalid(
                    field,
                    municipalities.isPresent()
                            ? "%s is neither the plan's region %s nor one of its municipalities %s"
                                    .formatted(
                                            region,
                                            planRegion,
                                            municipalities.get().stream()
                                                    .sorted()
                                                    .toList())
                            : "%s is neither the plan's region %s nor a municipality code (three digits)"
                                    .formatted(region, planRegion));
        }
    }
}
