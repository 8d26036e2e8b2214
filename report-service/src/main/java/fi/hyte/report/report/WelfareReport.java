package fi.hyte.report.report;

import fi.hyte.report.projection.GoalModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The annual welfare report of a region: for every approved goal of its plans in force that year, the
 * measures against baseline and target, and the goal's actions.
 */
public record WelfareReport(String region, int year, Instant generatedAt, List<GoalReport> goals) {

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
            ActionSummary actions) {}

    /** A measure with its series and assessment. */
    public record MeasureReport(
            int indicator,
            String region,
            String gender,
            String direction,
            GoalModel.Point baseline,
            GoalModel.Point target,
            GoalModel.Point latest,
            List<GoalModel.Point> series,
            Assessment assessment) {}

    /** The goal's actions: counts by status, overdue, and the list. */
    public record ActionSummary(
            int total, int planned, int inProgress, int completed, int cancelled, int overdue, List<ActionLine> list) {}

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
            Integer percentComplete) {}
}
