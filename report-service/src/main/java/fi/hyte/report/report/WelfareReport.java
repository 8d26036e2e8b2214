package fi.hyte.report.report;

import fi.hyte.report.projection.GoalModel;
import fi.hyte.report.projection.PlanModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The annual welfare report of a region: for every approved goal of its plans in force that year, the
 * measures against baseline and target (beside the member municipalities and by gender), and the goal's
 * actions. {@code goals} are ordered by age group ({@code ageGroups} lists the groups with their goals), then
 * by title.
 *
 * @param municipalities the member municipalities of the region if it is a county whose members are known
 */
public record WelfareReport(
        String region,
        int year,
        Instant generatedAt,
        List<GoalReport> goals,
        List<AgeGroupSection> ageGroups,
        List<PlanLine> plans,
        List<String> municipalities,
        Narrative narrative) {

    /** The age groups of a report, in the order it shows them. */
    public static final List<String> AGE_GROUPS = List.of("CHILDREN_AND_YOUTH", "WORKING_AGE", "ELDERLY", "ALL");

    /**
     * One age group: the plan section's title and summary where the plan has one, its goals, and how many of
     * their measures stand how.
     */
    public record AgeGroupSection(
            String ageGroup,
            String title,
            String summary,
            List<String> goalIds,
            Map<Assessment, Integer> assessments) {}

    /** A plan in force in the report's year. */
    public record PlanLine(
            String planId,
            String title,
            Integer termStart,
            Integer termEnd,
            String status,
            Integer approvedVersion,
            PlanModel.Approval approval) {}

    /** The coordinator's words: the report's summary (per goal, {@link GoalReport#commentary()}). */
    public record Narrative(String summary, long revision, Instant updatedAt, String updatedBy) {}

    /** One goal with its measures and actions. */
    public record GoalReport(
            String goalId,
            String planId,
            String title,
            String description,
            String ageGroup,
            List<String> riskGroups,
            String status,
            List<MeasureReport> measures,
            ActionSummary actions,
            String commentary) {}

    /**
     * A measure with its series and assessment; the same indicator for each gender of the measure's region,
     * the gap between women and men, and each member municipality's series.
     */
    public record MeasureReport(
            int indicator,
            String region,
            String gender,
            String direction,
            GoalModel.Point baseline,
            GoalModel.Point target,
            GoalModel.Point latest,
            List<GoalModel.Point> series,
            Assessment assessment,
            ByGender byGender,
            GenderGap genderGap,
            List<RegionSeries> municipalities) {}

    /** The series of the measure's region for each gender. */
    public record ByGender(List<GoalModel.Point> male, List<GoalModel.Point> female, List<GoalModel.Point> total) {}

    /** Women's value minus men's in the latest year that has both; null when no year has both. */
    public record GenderGap(int year, double female, double male, double gap) {}

    /** A member municipality's series of the measure's indicator and gender, assessed against the goal's path. */
    public record RegionSeries(
            String region, GoalModel.Point latest, List<GoalModel.Point> series, Assessment assessment) {}

    /** The goal's actions: counts by status, overdue, the owning organisations, and the list. */
    public record ActionSummary(
            int total,
            int planned,
            int inProgress,
            int completed,
            int cancelled,
            int overdue,
            List<ActionLine> list,
            List<String> owners) {}

    /** One action of the list. */
    public record ActionLine(
            String id,
            String title,
            String kind,
            String organisation,
            String status,
            LocalDate start,
            LocalDate due,
            boolean overdue,
            Integer percentComplete,
            String responsiblePerson,
            String note) {}
}
