package fi.hyte.action.action;

/** Where an action is in its life; overdue is derived from the due date, not a status. */
public enum ActionStatus {
    PLANNED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
