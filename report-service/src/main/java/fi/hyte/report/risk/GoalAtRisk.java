package fi.hyte.report.risk;

import java.util.List;

/**
 * A value of one of an approved goal's measures moved against the goal's direction.
 *
 * @param goalId the goal
 * @param planId its plan
 * @param region the plan's region
 * @param title the goal's title, for notifications
 * @param measure which value moved (indicator, region, gender, year)
 * @param previousValue the value before (of the same year, or of the latest earlier year)
 * @param value the new value
 * @param direction the goal's direction for this measure ({@code INCREASE} or {@code DECREASE})
 * @param owners organisations running the goal's actions, to be told
 * @param triggeredBy id of the {@code indicator.updated} event that moved it
 */
public record GoalAtRisk(
        String goalId,
        String planId,
        String region,
        String title,
        Measure measure,
        double previousValue,
        double value,
        String direction,
        List<String> owners,
        String triggeredBy)
        implements RiskEvent {

    /** The value that moved. */
    public record Measure(int indicator, String region, String gender, int year) {}

    @Override
    public String type() {
        return "goal.at-risk";
    }

    /** Whether a move from {@code previous} to {@code value} goes against {@code direction}. */
    static boolean against(String direction, double previous, double value) {
        return switch (direction) {
            case "DECREASE" -> value > previous;
            case "INCREASE" -> value < previous;
            default -> false;
        };
    }
}
