package fi.hyte.report.risk;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the at-risk watch keeps of a goal (from {@code goal.approved} and {@code goal.retired}, by aggregate
 * version), and whether it is at risk now: set by an alert, cleared by a later move in the goal's direction.
 */
@Document("risk_goals")
record WatchedGoal(
        @Id String id,
        String planId,
        String region,
        String title,
        String status,
        List<Measure> measures,
        long version,
        Boolean atRisk,
        Instant atRiskSince,
        GoalAtRisk lastAlert) {

    /** A measure as far as the watch needs it. */
    record Measure(int indicator, String region, String gender, Point baseline, String direction) {}

    /** A value in a year. */
    record Point(int year, double value) {}
}
