package fi.hyte.action.action;

import fi.hyte.action.goal.KnownGoal;
import fi.hyte.support.outbox.OutboxAggregate;
import fi.hyte.support.web.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organisation's action under one approved goal: responsibilities, schedule, status and progress. */
@Document("actions")
public class Action extends OutboxAggregate {

    @Id
    private final String id;

    @Indexed
    private final String goalId;

    private final String planId;
    private final String region;
    private final ActionPlan plan;
    private ActionStatus status;
    private final List<Progress> progress;
    private String closingNote;
    private boolean delayAnnounced;

    Action(
            String id,
            String goalId,
            String planId,
            String region,
            ActionPlan plan,
            ActionStatus status,
            List<Progress> progress,
            String closingNote,
            boolean delayAnnounced) {
        this.id = id;
        this.goalId = goalId;
        this.planId = planId;
        this.region = region;
        this.plan = plan;
        this.status = status;
        this.progress = progress == null ? new ArrayList<>() : new ArrayList<>(progress);
        this.closingNote = closingNote;
        this.delayAnnounced = delayAnnounced;
    }

    /** Plans an action under a goal; only an approved, not retired goal takes actions. */
    public static Action plan(KnownGoal goal, ActionPlan plan) {
        if (!goal.acceptsActions()) {
            throw Problem.conflict("goal %s is retired and takes no new actions".formatted(goal.id()));
        }
        if (plan.due().isBefore(plan.start())) {
            throw Problem.invalid("due", "due date %s is before the start %s".formatted(plan.due(), plan.start()));
        }
        var action = new Action(
                UUID.randomUUID().toString(),
                goal.id(),
                goal.planId(),
                goal.region(),
                plan,
                ActionStatus.PLANNED,
                List.of(),
                null,
                false);
        action.raise(new ActionEvent.ActionPlanned(
                action.id,
                goal.id(),
                goal.planId(),
                goal.region(),
                plan.title(),
                plan.kind(),
                plan.organisation(),
                plan.responsiblePerson(),
                plan.start(),
                plan.due(),
                plan.riskGroups(),
                action.status));
        return action;
    }

    public void start() {
        require(ActionStatus.PLANNED, "start");
        status = ActionStatus.IN_PROGRESS;
        raise(new ActionEvent.ActionStarted(id, goalId, plan.organisation(), status));
    }

    public void reportProgress(String note, int percentComplete, String by, Instant at) {
        require(ActionStatus.IN_PROGRESS, "report progress on");
        progress.add(new Progress(at, by, note, percentComplete));
        raise(new ActionEvent.ActionProgressReported(id, goalId, plan.organisation(), status, note, percentComplete));
    }

    public void complete(String note) {
        require(ActionStatus.IN_PROGRESS, "complete");
        status = ActionStatus.COMPLETED;
        closingNote = note;
        raise(new ActionEvent.ActionCompleted(id, goalId, plan.organisation(), status, note));
    }

    public void cancel(String reason) {
        if (!status.isOpen()) {
            throw Problem.conflict("a %s action cannot be cancelled".formatted(status));
        }
        status = ActionStatus.CANCELLED;
        closingNote = reason;
        raise(new ActionEvent.ActionCancelled(id, goalId, plan.organisation(), status, reason));
    }

    /**
     * Announces, once, that the action is past its due date while still open. Returns whether it did;
     * the optimistic lock of the save makes a second instance's announcement of the same action fail.
     */
    public boolean announceDelay(LocalDate today) {
        if (delayAnnounced || !isOverdue(today)) {
            return false;
        }
        delayAnnounced = true;
        raise(new ActionEvent.ActionDelayed(id, goalId, plan.organisation(), status, plan.due(), today));
        return true;
    }

    public boolean delayAnnounced() {
        return delayAnnounced;
    }

    /** Past its due date and still open. */
    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && plan.due().isBefore(today);
    }

    private void require(ActionStatus expected, String verb) {
        if (status != expected) {
            throw Problem.conflict("cannot %s an action that is %s (it must be %s)".formatted(verb, status, expected));
        }
    }

    @Override
    public String aggregateId() {
        return id;
    }

    @Override
    public String region() {
        return region;
    }

    public String id() {
        return id;
    }

    public String goalId() {
        return goalId;
    }

    public String planId() {
        return planId;
    }

    public ActionPlan plan() {
        return plan;
    }

    public ActionStatus status() {
        return status;
    }

    public List<Progress> progress() {
        return Collections.unmodifiableList(progress);
    }

    public String closingNote() {
        return closingNote;
    }

    public int percentComplete() {
        return switch (status) {
            case COMPLETED -> 100;
            default -> progress.isEmpty() ? 0 : progress.getLast().percentComplete();
        };
    }
}
