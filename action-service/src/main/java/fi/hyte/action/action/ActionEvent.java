package fi.hyte.action.action;

import fi.hyte.support.event.DomainEvent;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything that happens to an action, as published on {@code hyte.action.events}. Each event carries
 * the action's goal, organisation and status so that read models need no other source.
 */
public sealed interface ActionEvent extends DomainEvent {

    String actionId();

    /** An action was planned under an approved goal. */
    record ActionPlanned(
            String actionId,
            String goalId,
            String planId,
            String region,
            String title,
            ActionKind kind,
            String organisation,
            String responsiblePerson,
            LocalDate start,
            LocalDate due,
            List<String> riskGroups,
            ActionStatus status)
            implements ActionEvent {
        @Override
        public String type() {
            return "action.planned";
        }
    }

    /** Work on the action began. */
    record ActionStarted(String actionId, String goalId, String organisation, ActionStatus status)
            implements ActionEvent {
        @Override
        public String type() {
            return "action.started";
        }
    }

    /** The owner reported progress. */
    record ActionProgressReported(
            String actionId, String goalId, String organisation, ActionStatus status, String note, int percentComplete)
            implements ActionEvent {
        @Override
        public String type() {
            return "action.progress-reported";
        }
    }

    /** The action was carried out. */
    record ActionCompleted(String actionId, String goalId, String organisation, ActionStatus status, String note)
            implements ActionEvent {
        @Override
        public String type() {
            return "action.completed";
        }
    }

    /** The action passed its due date while still open; announced once per action. */
    record ActionDelayed(
            String actionId,
            String goalId,
            String organisation,
            ActionStatus status,
            LocalDate due,
            LocalDate detectedOn)
            implements ActionEvent {
        @Override
        public String type() {
            return "action.delayed";
        }
    }

    /** The action was dropped, with the reason. */
    record ActionCancelled(String actionId, String goalId, String organisation, ActionStatus status, String reason)
            implements ActionEvent {
        @Override
        public String type() {
            return "action.cancelled";
        }
    }
}
