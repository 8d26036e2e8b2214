package fi.hyte.report.report;

import fi.hyte.report.projection.ActionModel;
import fi.hyte.report.projection.GoalModel;
import fi.hyte.report.projection.ValueModel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Assembles reports from the read models. */
@Service
public class Reports {

    private static final Set<String> OPEN = Set.of("PLANNED", "IN_PROGRESS");

    private final MongoTemplate mongo;
    private final Clock clock;

    Reports(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public WelfareReport annual(String region, int year) {
        var inForce = Query.query(Criteria.where("region")
                        .is(region)
                        .and("status")
                        .is("APPROVED")
                        .and("termStart")
                        .lte(year)
                        .and("termEnd")
                        .gte(year))
                .with(Sort.by("ageGroup", "title"));
        LocalDate today = LocalDate.now(clock);
        var goals = mongo.find(inForce, GoalModel.class).stream()
                .map(goal -> goal(goal, year, today))
                .toList();
        return new WelfareReport(region, year, clock.instant(), goals);
    }

    private WelfareReport.GoalReport goal(GoalModel goal, int year, LocalDate today) {
        var measures = goal.measures() == null
                ? List.<WelfareReport.MeasureReport>of()
                : goal.measures().stream().map(m -> measure(m, year)).toList();
        return new WelfareReport.GoalReport(
                goal.id(),
                goal.planId(),
                goal.title(),
                goal.description(),
                goal.ageGroup(),
                goal.riskGroups(),
                goal.status(),
                measures,
                actions(goal.id(), today));
    }

    private WelfareReport.MeasureReport measure(GoalModel.MeasureModel measure, int year) {
        var values = Query.query(Criteria.where("indicator")
                        .is(measure.indicator())
                        .and("region")
                        .is(measure.region())
                        .and("gender")
                        .is(measure.gender())
                        .and("year")
                        .lte(year))
                .with(Sort.by("year"));
        List<GoalModel.Point> series = mongo.find(values, ValueModel.class).stream()
                .map(v -> new GoalModel.Point(v.year(), v.value()))
                .toList();
        GoalModel.Point latest = series.isEmpty() ? null : series.getLast();
        return new WelfareReport.MeasureReport(
                measure.indicator(),
                measure.region(),
                measure.gender(),
                measure.direction(),
                measure.baseline(),
                measure.target(),
                latest,
                series,
                Assessment.of(measure, latest));
    }

    private WelfareReport.ActionSummary actions(String goalId, LocalDate today) {
        var list = mongo.find(Query.query(Criteria.where("goalId").is(goalId)), ActionModel.class).stream()
                .sorted(Comparator.comparing(ActionModel::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(a -> new WelfareReport.ActionLine(
                        a.id(),
                        a.title(),
                        a.kind(),
                        a.organisation(),
                        a.status(),
                        a.start(),
                        a.due(),
                        OPEN.contains(a.status()) && a.due() != null && a.due().isBefore(today),
                        a.percentComplete()))
                .toList();
        return new WelfareReport.ActionSummary(
                list.size(),
                count(list, "PLANNED"),
                count(list, "IN_PROGRESS"),
                count(list, "COMPLETED"),
                count(list, "CANCELLED"),
                (int) list.stream().filter(WelfareReport.ActionLine::overdue).count(),
                list);
    }

    private static int count(List<WelfareReport.ActionLine> list, String status) {
        return (int) list.stream().filter(a -> status.equals(a.status())).count();
    }
}
