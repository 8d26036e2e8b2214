package fi.hyte.report.report;

import fi.hyte.report.narrative.Narratives;
import fi.hyte.report.projection.ActionModel;
import fi.hyte.report.projection.CountyModel;
import fi.hyte.report.projection.Generation;
import fi.hyte.report.projection.GoalModel;
import fi.hyte.report.projection.PlanModel;
import fi.hyte.report.projection.SeriesModel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles reports from the read models in a fixed number of queries, whatever the size of the report: the
 * region's goals, their plans, their actions, the county's members, every series of every measure (all
 * indicators, regions and genders in one query by id) and the narrative.
 */
@Service
public class Reports {

    private static final Set<String> OPEN = Set.of("PLANNED", "IN_PROGRESS");
    private static final Comparator<GoalModel> REPORT_ORDER = Comparator.comparing(
                    (GoalModel goal) -> ageGroupRank(goal.ageGroup()))
            .thenComparing(GoalModel::title, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(GoalModel::id);

    private final MongoTemplate mongo;
    private final Narratives narratives;
    private final Generation generation;
    private final JsonMapper json;
    private final Clock clock;

    /** Reports as last computed, by region, year and day (overdue depends on the day), with their generation. */
    private final Map<String, Computed> computed =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Computed> eldest) {
                    return size() > 64;
                }
            });

    /** A computed report, with its JSON once someone asked for it. */
    private static final class Computed {
        final long generation;
        final WelfareReport report;
        volatile byte[] json;

        Computed(long generation, WelfareReport report) {
            this.generation = generation;
            this.report = report;
        }
    }

    Reports(MongoTemplate mongo, Narratives narratives, Generation generation, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.narratives = narratives;
        this.generation = generation;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The report as the read model stands: computed again only if something it shows has changed since it was
     * last computed (on any instance), else as then, {@code generatedAt} included.
     */
    public WelfareReport annual(String region, int year) {
        return current(region, year).report;
    }

    /** The report's JSON, serialised once per computed report: the benchmark's and dashboards' hot path. */
    public byte[] annualJson(String region, int year) {
        Computed current = current(region, year);
        byte[] json = current.json;
        if (json == null) {
            json = this.json.writeValueAsBytes(current.report);
            current.json = json;
        }
        return json;
    }

    private Computed current(String region, int year) {
        long now = generation.current();
        String key = region + ":" + year + ":" + LocalDate.now(clock);
        Computed cached = computed.get(key);
        if (cached != null && cached.generation == now) {
            return cached;
        }
        var fresh = new Computed(now, compute(region, year));
        computed.put(key, fresh);
        return fresh;
    }

    private WelfareReport compute(String region, int year) {
        var inForce = Query.query(Criteria.where("region")
                .is(region)
                .and("status")
                .is("APPROVED")
                .and("termStart")
                .lte(year)
                .and("termEnd")
                .gte(year));
        List<GoalModel> goals = mongo.find(inForce, GoalModel.class).stream()
                .sorted(REPORT_ORDER)
                .toList();
        LocalDate today = LocalDate.now(clock);
        var narrative = narratives.find(region, year);
        if (goals.isEmpty()) {
            return new WelfareReport(
                    region,
                    year,
                    clock.instant(),
                    List.of(),
                    List.of(),
                    List.of(),
                    members(region),
                    narrative.map(Reports::narrative).orElse(null));
        }

        var planIds = goals.stream().map(GoalModel::planId).distinct().toList();
        Map<String, PlanModel> plans =
                mongo.find(Query.query(Criteria.where("_id").in(planIds)), PlanModel.class).stream()
                        .collect(Collectors.toMap(PlanModel::id, Function.identity()));
        Map<String, List<ActionModel>> actions = mongo
                .find(
                        Query.query(Criteria.where("goalId")
                                .in(goals.stream().map(GoalModel::id).toList())),
                        ActionModel.class)
                .stream()
                .collect(Collectors.groupingBy(ActionModel::goalId));
        List<String> members = members(region);
        Values values = values(goals, members, year);

        var goalReports = goals.stream()
                .map(goal -> new WelfareReport.GoalReport(
                        goal.id(),
                        goal.planId(),
                        goal.title(),
                        goal.description(),
                        goal.ageGroup(),
                        goal.riskGroups(),
                        goal.status(),
                        goal.measures() == null
                                ? List.of()
                                : goal.measures().stream()
                                        .map(m -> measure(m, region, members, values))
                                        .toList(),
                        actions(actions.getOrDefault(goal.id(), List.of()), today),
                        narrative.flatMap(n -> n.commentaryOn(goal.id())).orElse(null)))
                .toList();
        return new WelfareReport(
                region,
                year,
                clock.instant(),
                goalReports,
                ageGroups(
                        goalReports,
                        planIds.stream()
                                .map(plans::get)
                                .filter(Objects::nonNull)
                                .toList()),
                planIds.stream()
                        .map(plans::get)
                        .filter(Objects::nonNull)
                        .map(p -> new WelfareReport.PlanLine(
                                p.id(),
                                p.title(),
                                p.termStart(),
                                p.termEnd(),
                                p.status(),
                                p.approvedVersion(),
                                p.approval()))
                        .toList(),
                members,
                narrative.map(Reports::narrative).orElse(null));
    }

    private static WelfareReport.Narrative narrative(fi.hyte.report.narrative.Narrative n) {
        return new WelfareReport.Narrative(n.summary(), n.revision(), n.updatedAt(), n.updatedBy());
    }

    private List<String> members(String region) {
        var county = mongo.findById(region, CountyModel.class);
        return county == null || county.municipalities() == null ? List.of() : county.municipalities();
    }

    /**
     * Every value the report needs, in one query by id: the series of each measure's indicator in its region
     * and in the county's members, all genders and years, cut at the report's year.
     */
    private Values values(List<GoalModel> goals, List<String> members, int year) {
        Set<String> ids = new LinkedHashSet<>();
        goals.stream()
                .filter(goal -> goal.measures() != null)
                .flatMap(goal -> goal.measures().stream())
                .forEach(measure -> {
                    ids.add(SeriesModel.id(measure.indicator(), measure.region()));
                    members.forEach(member -> ids.add(SeriesModel.id(measure.indicator(), member)));
                });
        Map<String, List<GoalModel.Point>> series = new HashMap<>();
        // raw documents: the points map is read as it is stored, with no mapping
        for (Document document :
                mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, SeriesModel.COLLECTION)) {
            int indicator = document.getInteger("indicator");
            String region = document.getString("region");
            Document points = document.get("points", Document.class);
            if (points == null) {
                continue;
            }
            points.forEach((key, point) -> {
                int cut = key.lastIndexOf('_');
                int pointYear = Integer.parseInt(key.substring(cut + 1));
                Double value = point instanceof Document versions ? SeriesModel.latest(versions) : null;
                if (pointYear <= year && value != null) {
                    series.computeIfAbsent(key(indicator, region, key.substring(0, cut)), k -> new ArrayList<>())
                            .add(new GoalModel.Point(pointYear, value));
                }
            });
        }
        series.values().forEach(points -> points.sort(Comparator.comparingInt(GoalModel.Point::year)));
        return new Values(series);
    }

    private record Values(Map<String, List<GoalModel.Point>> series) {
        List<GoalModel.Point> of(int indicator, String region, String gender) {
            return series.getOrDefault(key(indicator, region, gender), List.of());
        }
    }

    private static String key(int indicator, String region, String gender) {
        return indicator + ":" + region + ":" + gender;
    }

    private static WelfareReport.MeasureReport measure(
            GoalModel.MeasureModel measure, String reportRegion, List<String> members, Values values) {
        String gender = measure.gender() == null ? "total" : measure.gender();
        List<GoalModel.Point> series = values.of(measure.indicator(), measure.region(), gender);
        GoalModel.Point latest = series.isEmpty() ? null : series.getLast();
        var byGender = new WelfareReport.ByGender(
                values.of(measure.indicator(), measure.region(), "male"),
                values.of(measure.indicator(), measure.region(), "female"),
                values.of(measure.indicator(), measure.region(), "total"));
        // the members stand beside the county's own figure only where the measure is the county's
        List<WelfareReport.RegionSeries> municipalities = measure.region().equals(reportRegion)
                ? members.stream()
                        .map(member -> {
                            var memberSeries = values.of(measure.indicator(), member, gender);
                            var memberLatest = memberSeries.isEmpty() ? null : memberSeries.getLast();
                            return new WelfareReport.RegionSeries(
                                    member, memberLatest, memberSeries, Assessment.of(measure, memberLatest));
                        })
                        .toList()
                : List.of();
        return new WelfareReport.MeasureReport(
                measure.indicator(),
                measure.region(),
                gender,
                measure.direction(),
                measure.baseline(),
                measure.target(),
                latest,
                series,
                Assessment.of(measure, latest),
                byGender,
                gap(byGender),
                municipalities);
    }

    private static WelfareReport.GenderGap gap(WelfareReport.ByGender byGender) {
        Map<Integer, Double> male = byGender.male().stream()
                .collect(Collectors.toMap(GoalModel.Point::year, GoalModel.Point::value, (a, b) -> b));
        for (int i = byGender.female().size() - 1; i >= 0; i--) {
            var female = byGender.female().get(i);
            Double men = male.get(female.year());
            if (men != null) {
                return new WelfareReport.GenderGap(
                        female.year(), female.value(), men, Math.round((female.value() - men) * 1e6) / 1e6);
            }
        }
        return null;
    }

    private static WelfareReport.ActionSummary actions(List<ActionModel> actions, LocalDate today) {
        var list = actions.stream()
                .sorted(Comparator.comparing(ActionModel::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ActionModel::id))
                .map(a -> new WelfareReport.ActionLine(
                        a.id(),
                        a.title(),
                        a.kind(),
                        a.organisation(),
                        a.status(),
                        a.start(),
                        a.due(),
                        OPEN.contains(a.status()) && a.due() != null && a.due().isBefore(today),
                        a.percentComplete(),
                        a.responsiblePerson(),
                        a.note()))
                .toList();
        return new WelfareReport.ActionSummary(
                list.size(),
                count(list, "PLANNED"),
                count(list, "IN_PROGRESS"),
                count(list, "COMPLETED"),
                count(list, "CANCELLED"),
                (int) list.stream().filter(WelfareReport.ActionLine::overdue).count(),
                list,
                list.stream()
                        .map(WelfareReport.ActionLine::organisation)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
    }

    private static List<WelfareReport.AgeGroupSection> ageGroups(
            List<WelfareReport.GoalReport> goals, List<PlanModel> plans) {
        var sections = new ArrayList<WelfareReport.AgeGroupSection>();
        for (String ageGroup : WelfareReport.AGE_GROUPS) {
            var inGroup =
                    goals.stream().filter(g -> ageGroup.equals(g.ageGroup())).toList();
            if (inGroup.isEmpty()) {
                continue;
            }
            var section = plans.stream()
                    .filter(p -> p.sections() != null)
                    .flatMap(p -> p.sections().stream())
                    .filter(s -> ageGroup.equals(s.ageGroup()))
                    .findFirst();
            Map<Assessment, Integer> assessments = new EnumMap<>(Assessment.class);
            for (Assessment a : Assessment.values()) {
                assessments.put(a, 0);
            }
            inGroup.stream()
                    .flatMap(g -> g.measures().stream())
                    .forEach(m -> assessments.merge(m.assessment(), 1, Integer::sum));
            sections.add(new WelfareReport.AgeGroupSection(
                    ageGroup,
                    section.map(PlanModel.Section::title).orElse(null),
                    section.map(PlanModel.Section::summary).orElse(null),
                    inGroup.stream().map(WelfareReport.GoalReport::goalId).toList(),
                    assessments));
        }
        return sections;
    }

    private static int ageGroupRank(String ageGroup) {
        int rank = WelfareReport.AGE_GROUPS.indexOf(ageGroup);
        return rank < 0 ? WelfareReport.AGE_GROUPS.size() : rank;
    }

    private static int count(List<WelfareReport.ActionLine> list, String status) {
        return (int) list.stream().filter(a -> status.equals(a.status())).count();
    }
}
