package fi.hyte.action.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.action.goal.KnownGoal;
import fi.hyte.support.web.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ActionTest {

    static final KnownGoal GOAL = new KnownGoal("g-1", "p-1", "HVA-4", "Yksinäisyys vähenee", false, 4);

    static ActionPlan workshop(LocalDate start, LocalDate due) {
        return new ActionPlan(
                "Ilmiötyöpaja", null, ActionKind.WORKSHOP, "vantaa", "Koordinaattori", start, due, List.of(), null);
    }

    @Test
    void goesFromPlannedThroughInProgressToCompleted() {
        var action = Action.plan(GOAL, workshop(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        action.start();
        action.reportProgress("puolivälissä", 50, "owner-vantaa", Instant.now());
        assertThat(action.percentComplete()).isEqualTo(50);
        action.complete("valmis");
        assertThat(action.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(action.percentComplete()).isEqualTo(100);
    }

    @Test
    void acceptsAWorkshopAlreadyHeldInThePast() {
        var action = Action.plan(GOAL, workshop(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 1)));
        assertThat(action.status()).isEqualTo(ActionStatus.PLANNED);
    }

    @Test
    void refusesADueDateBeforeTheStart() {
        assertThatThrownBy(() -> Action.plan(GOAL, workshop(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 1, 1))))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.field()).isEqualTo("due"));
    }

    @Test
    void refusesCompletingAnActionThatNeverStarted() {
        var action = Action.plan(GOAL, workshop(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThatThrownBy(() -> action.complete("liian aikaisin"))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void refusesActionsUnderARetiredGoal() {
        var retired = new KnownGoal("g-2", "p-1", "HVA-4", "Vanha", true, 9);
        assertThatThrownBy(() -> Action.plan(retired, workshop(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))))
                .isInstanceOf(Problem.class);
    }

    @Test
    void isOverdueOnlyWhileOpenAndPastItsDueDate() {
        var action = Action.plan(GOAL, workshop(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));
        assertThat(action.isOverdue(LocalDate.of(2026, 2, 1))).isFalse();
        assertThat(action.isOverdue(LocalDate.of(2026, 2, 2))).isTrue();
        action.cancel("ei rahoitusta");
        assertThat(action.isOverdue(LocalDate.of(2026, 2, 2))).isFalse();
    }
}
