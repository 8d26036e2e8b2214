package fi.hyte.action.action.web;

import fi.hyte.action.action.Action;
import fi.hyte.action.action.ActionKind;
import fi.hyte.action.action.ActionStatus;
import fi.hyte.action.action.Progress;
import java.time.LocalDate;
import java.util.List;

/** An action as the API shows it; {@code overdue} is derived from today's date. */
record ActionView(
        String id,
        String goalId,
        String planId,
        String region,
        String title,
        String description,
        ActionKind kind,
        String organisation,
        String responsiblePerson,
        LocalDate start,
        LocalDate due,
        List<String> riskGroups,
        String resources,
        ActionStatus status,
        boolean overdue,
        int percentComplete,
        List<Progress> progress,
        String closingNote) {

    static ActionView of(Action action, LocalDate today) {
        var plan = action.plan();
        return new ActionView(
                action.id(),
                action.goalId(),
                action.planId(),
                action.region(),
                plan.title(),
                plan.description(),
                plan.kind(),
                plan.organisation(),
                plan.responsiblePerson(),
                plan.start(),
                plan.due(),
                plan.riskGroups(),
                plan.resources(),
                action.status(),
                action.isOverdue(today),
                action.percentComplete(),
                action.progress(),
                action.closingNote());
    }
}
