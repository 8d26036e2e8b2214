package fi.hyte.action.action.web;

import fi.hyte.action.action.ActionKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the action API. Fields the server owns (id, status, progress) are not here. */
final class ActionRequests {

    private ActionRequests() {}

    record NewAction(
            @NotBlank @Size(max = 100) String goalId,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            ActionKind kind,
            @NotBlank @Size(max = 100) String organisation,
            @NotBlank @Size(max = 200) String responsiblePerson,
            @NotNull LocalDate start,
            @NotNull LocalDate due,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> riskGroups,
            @Size(max = 2000) String resources) {}

    record ProgressReport(
            @NotBlank @Size(max = 5000) String note,
            @NotNull @Min(0) @Max(100) Integer percentComplete) {}

    record Completion(@Size(max = 5000) String note) {}

    record Cancellation(@NotBlank @Size(max = 5000) String reason) {}
}
