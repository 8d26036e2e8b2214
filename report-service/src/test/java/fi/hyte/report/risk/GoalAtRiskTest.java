package fi.hyte.report.risk;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.testsupport.AsyncApiContract;
import org.junit.jupiter.api.Test;

class GoalAtRiskTest {

    @Test
    void aMoveAgainstTheGoalsDirectionIsARisk() {
        assertThat(GoalAtRisk.against("DECREASE", 11.2, 12.0)).isTrue();
        assertThat(GoalAtRisk.against("INCREASE", 70.0, 68.5)).isTrue();
    }

    @Test
    void aMoveInTheGoalsDirectionOrNoMoveIsNot() {
        assertThat(GoalAtRisk.against("DECREASE", 12.0, 11.2)).isFalse();
        assertThat(GoalAtRisk.against("INCREASE", 68.5, 70.0)).isFalse();
        assertThat(GoalAtRisk.against("DECREASE", 12.0, 12.0)).isFalse();
        assertThat(GoalAtRisk.against("SIDEWAYS", 1.0, 2.0)).isFalse();
    }

    @Test
    void theAlertIdDependsOnlyOnTheGoalAndTheTriggeringEvent() {
        assertThat(AtRiskAlert.idOf("g", "e")).isEqualTo(AtRiskAlert.idOf("g", "e"));
        assertThat(AtRiskAlert.idOf("g", "e")).isNotEqualTo(AtRiskAlert.idOf("g", "f"));
    }

    @Test
    void everyEventTheServiceRaisesIsInItsAsyncApiContract() {
        AsyncApiContract.assertDocumentsEvery(RiskEvent.class, "asyncapi.yaml");
    }
}
