package fi.hyte.report.report;

import fi.hyte.report.projection.GoalModel;

/**
 * How a measure stands: the latest value against the straight path from baseline to target.
 *
 * <ul>
 *   <li>{@code ACHIEVED}: the latest value has reached the target in the goal's direction;
 *   <li>{@code ON_TRACK}: it is at or beyond where the straight path from baseline to target would be
 *       in the latest value's year;
 *   <li>{@code OFF_TRACK}: it is behind that path;
 *   <li>{@code INSUFFICIENT_DATA}: there is no value since the baseline year.
 * </ul>
 */
public enum Assessment {
    ACHIEVED,
    ON_TRACK,
    OFF_TRACK,
    INSUFFICIENT_DATA;

    static Assessment of(GoalModel.MeasureModel measure, GoalModel.Point latest) {
        if (latest == null || latest.year() <= measure.baseline().year()) {
            return INSUFFICIENT_DATA;
        }
        double sign = "DECREASE".equals(measure.direction()) ? -1 : 1;
        double baseline = measure.baseline().value();
        double target = measure.target().value();
        if (sign * (latest.value() - target) >= 0) {
            return ACHIEVED;
        }
        double progress = (double) (latest.year() - measure.baseline().year())
                / (measure.target().year() - measure.baseline().year());
        double expected = baseline + (target - baseline) * Math.min(1, progress);
        return sign * (latest.value() - expected) >= 0 ? ON_TRACK : OFF_TRACK;
    }
}
