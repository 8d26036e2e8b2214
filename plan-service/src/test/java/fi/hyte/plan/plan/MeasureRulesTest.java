package fi.hyte.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fi.hyte.plan.catalogue.IndicatorCatalogue;
import fi.hyte.support.web.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeasureRulesTest {

    static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    static GoalContent measuring(int indicator, String region, int baselineYear) {
        return new GoalContent(
                "Yksinäisyys vähenee",
                null,
                AgeGroup.ELDERLY,
                List.of(),
                List.of(new Measure(
                        indicator,
                        region,
                        "total",
                        new Measure.Point(baselineYear, 12.0),
                        new Measure.Point(2029, 9.0),
                        Direction.DECREASE)));
    }

    static MeasureRules rules(Optional<IndicatorCatalogue.Known> known) {
        IndicatorCatalogue catalogue = mock(IndicatorCatalogue.class);
        when(catalogue.current()).thenReturn(known);
        return new MeasureRules(catalogue, NOVEMBER_2026);
    }

    static final Optional<IndicatorCatalogue.Known> KNOWN = Optional.of(
            new IndicatorCatalogue.Known("sha256:x", Set.of(4284, 4286), Map.of("HVA-4", Set.of("092", "245"))));

    static String field(Throwable problem) {
        return ((Problem) problem).field();
    }

    @Test
    void refusesAnIndicatorTheCatalogueDoesNotHave() {
        assertThatThrownBy(() -> rules(KNOWN).check("HVA-4", measuring(999_999, null, 2024)))
                .satisfies(p -> assertThat(field(p)).isEqualTo("measures[0].indicator"));
    }

    @Test
    void acceptsAnyIndicatorUntilACatalogueIsKnown() {
        assertThatCode(() -> rules(Optional.empty()).check("HVA-4", measuring(999_999, null, 2024)))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsTheRegionOfThePlanAndItsMunicipalities() {
        var rules = rules(KNOWN);
        assertThatCode(() -> rules.check("HVA-4", measuring(4284, "HVA-4", 2024)))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.check("HVA-4", measuring(4284, "245", 2024))).doesNotThrowAnyException();
    }

    @Test
    void refusesAMunicipalityOfAnotherCounty() {
        assertThatThrownBy(() -> rules(KNOWN).check("HVA-4", measuring(4284, "091", 2024)))
                .satisfies(p -> assertThat(field(p)).isEqualTo("measures[0].region"));
    }

    @Test
    void withoutKnownMunicipalitiesAcceptsOnlyMunicipalityCodes() {
        var rules = rules(Optional.empty());
        assertThatCode(() -> rules.check("HVA-9", measuring(4284, "179", 2024))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check("HVA-9", measuring(4284, "HVA-4", 2024)))
                .satisfies(p -> assertThat(field(p)).isEqualTo("measures[0].region"));
    }

    @Test
    void refusesABaselineInTheFuture() {
        assertThatCode(() -> rules(KNOWN).check("HVA-4", measuring(4284, null, 2026)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rules(KNOWN).check("HVA-4", measuring(4284, null, 2027)))
                .satisfies(p -> assertThat(field(p)).isEqualTo("measures[0].baseline.year"));
    }

    @Test
    void beforeApprovalChecksOnlyGoalsAwaitingApprovalNamingTheGoal() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        plan.addGoal(measuring(4284, null, 2024));
        plan.addGoal(measuring(999_999, null, 2024)); // drafted while no catalogue was known

        assertThatThrownBy(() -> rules(KNOWN).checkBeforeApproval(plan))
                .satisfies(p -> assertThat(field(p)).isEqualTo("goals[1].measures[0].indicator"));
    }
}
