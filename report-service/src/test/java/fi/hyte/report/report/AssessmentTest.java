package fi.hyte.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.report.projection.GoalModel;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    // loneliness 12.5 % in 2023 should fall to 9.0 % by 2029: the path expects 11.33 in 2025
    static final GoalModel.MeasureModel DECREASE = new GoalModel.MeasureModel(
            4284, "HVA-4", "total", new GoalModel.Point(2023, 12.5), new GoalModel.Point(2029, 9.0), "DECREASE");

    static final GoalModel.MeasureModel INCREASE = new GoalModel.MeasureModel(
            4445, "HVA-4", "total", new GoalModel.Point(2023, 40), new GoalModel.Point(2029, 52), "INCREASE");

    @Test
    void aValueAheadOfTheStraightPathIsOnTrack() {
        assertThat(Assessment.of(DECREASE, new GoalModel.Point(2025, 11.2))).isEqualTo(Assessment.ON_TRACK);
    }

    @Test
    void aValueBehindTheStraightPathIsOffTrack() {
        assertThat(Assessment.of(DECREASE, new GoalModel.Point(2025, 12.0))).isEqualTo(Assessment.OFF_TRACK);
        assertThat(Assessment.of(INCREASE, new GoalModel.Point(2026, 44))).isEqualTo(Assessment.OFF_TRACK);
    }

    @Test
    void aValueAtOrBeyondTheTargetIsAchieved() {
        assertThat(Assessment.of(DECREASE, new GoalModel.Point(2027, 9.0))).isEqualTo(Assessment.ACHIEVED);
        assertThat(Assessment.of(INCREASE, new GoalModel.Point(2027, 53))).isEqualTo(Assessment.ACHIEVED);
    }

    @Test
    void noValueSinceTheBaselineIsInsufficientData() {
        assertThat(Assessment.of(DECREASE, null)).isEqualTo(Assessment.INSUFFICIENT_DATA);
        assertThat(Assessment.of(DECREASE, new GoalModel.Point(2023, 12.5))).isEqualTo(Assessment.INSUFFICIENT_DATA);
    }
}
