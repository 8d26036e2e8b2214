package fi.hyte.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.web.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PlanTest {

    static GoalContent loneliness(Direction direction, double baseline, double target) {
        return new GoalContent(
                "Yksinäisyys vähenee",
                null,
                AgeGroup.ALL,
                List.of(),
                List.of(new Measure(
                        4284,
                        null,
                        "total",
                        new Measure.Point(2023, baseline),
                        new Measure.Point(2029, target),
                        direction)));
    }

    static Approval council() {
        return new Approval("aluevaltuusto", LocalDate.of(2025, 12, 15), "AV § 45");
    }

    @Test
    void approvalMakesThePlanAndEveryGoalBinding() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        var goal = plan.addGoal(loneliness(Direction.DECREASE, 12.5, 9.0));

        plan.approve(council());

        assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(goal.status()).isEqualTo(GoalStatus.APPROVED);
        assertThat(goal.content().measures().getFirst().region())
                .as("a measure's region defaults to the plan's")
                .isEqualTo("HVA-4");
    }

    @Test
    void refusesToApproveAPlanWithoutGoals() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        assertThatThrownBy(() -> plan.approve(council()))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void refusesToApproveTwice() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        plan.addGoal(loneliness(Direction.DECREASE, 12.5, 9.0));
        plan.approve(council());
        assertThatThrownBy(() -> plan.approve(council())).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> plan.addGoal(loneliness(Direction.DECREASE, 12.5, 9.0)))
                .isInstanceOf(Problem.class);
    }

    @Test
    void refusesATargetThatTheDirectionDoesNotLeadTo() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        assertThatThrownBy(() -> plan.addGoal(loneliness(Direction.INCREASE, 12.5, 9.0)))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.field()).isEqualTo("measures[0].direction"));
    }

    @Test
    void refusesATermEndingBeforeItStarts() {
        assertThatThrownBy(() -> Plan.draft("HVA-4", "Suunnitelma", 2029, 2026))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.field()).isEqualTo("termEnd"));
    }
}
