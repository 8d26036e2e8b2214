package fi.hyte.action.action;

import java.time.LocalDate;
import java.util.List;

/** What an organisation writes when it plans an action; the server owns id, status and progress. */
public record ActionPlan(
        String title,
        String description,
        ActionKind kind,
        String organisation,
        String responsiblePerson,
        LocalDate start,
        LocalDate due,
        List<String> riskGroups,
        String resources) {

    public ActionPlan {
        riskGroups = riskGroups == null ? List.of() : List.copyOf(riskGroups);
        kind = kind == null ? ActionKind.ACTION : kind;
    }
}
