package fi.hyte.plan.plan.web;

import fi.hyte.plan.plan.AgeGroup;
import fi.hyte.plan.plan.Direction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the plan API. Fields the server owns (id, region once drafted, status, version,
 * approval, history) are not here, so naming one is refused with 400 naming it.
 */
final class PlanRequests {

    private PlanRequests() {}

    record NewPlan(
            @NotBlank @Size(max = 40) String region,
            @NotBlank @Size(max = 300) String title,
            @NotNull @Min(2000) @Max(2100) Integer termStart,
            @NotNull @Min(2000) @Max(2100) Integer termEnd,
            @Size(max = 4) List<@Valid @NotNull NewSection> sections,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> organisations) {}

    /** The whole of a plan's own details, replacing them ({@code PUT}); the region cannot change. */
    record RevisedPlan(
            @NotBlank @Size(max = 300) String title,
            @NotNull @Min(2000) @Max(2100) Integer termStart,
            @NotNull @Min(2000) @Max(2100) Integer termEnd,
            @Size(max = 4) List<@Valid @NotNull NewSection> sections,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> organisations) {}

    record NewSection(
            @NotNull AgeGroup ageGroup,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 10000) String summary) {}

    /** A new goal ({@code POST}) or the whole of a revised one ({@code PUT}). */
    record NewGoal(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @NotNull AgeGroup ageGroup,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> riskGroups,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull NewMeasure> measures) {}

    record NewMeasure(
            @NotNull @Positive Integer indicator,
            @Size(max = 40) String region,

            @Pattern(regexp = "male|female|total", message = "must be male, female or total")
            String gender,

            @NotNull @Valid YearValue baseline,
            @NotNull @Valid YearValue target,
            @NotNull Direction direction) {}

    record YearValue(
            @NotNull @Min(1990) @Max(2100) Integer year,
            // bounds also refuse 1e309, which JSON parsing turns into Infinity
            @NotNull @DecimalMin("-1e12") @DecimalMax("1e12")
            Double value) {}

    record NewApproval(
            @NotBlank @Size(max = 200) String decisionBody,
            @NotNull @PastOrPresent LocalDate decisionDate,
            @NotBlank @Size(max = 200) String reference) {}

    record Retirement(@NotBlank @Size(max = 2000) String reason) {}

    record NewRevision(@NotBlank @Size(max = 2000) String reason) {}

    record Closure(@Size(max = 2000) String reason) {}

    record NewNegotiation(
            @NotNull @PastOrPresent LocalDate date,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> parties,
            @NotBlank @Size(max = 5000) String summary,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> agreedGoals) {}
}
