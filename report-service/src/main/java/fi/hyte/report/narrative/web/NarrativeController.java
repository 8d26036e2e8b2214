package fi.hyte.report.narrative.web;

import fi.hyte.report.narrative.Narrative;
import fi.hyte.report.narrative.Narratives;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The narrative of a year's report: read by every reader, written by a coordinator of the region. */
@RestController
@Validated
class NarrativeController {

    record GoalCommentary(
            @NotBlank @Size(max = 100) String goalId,
            @Size(max = 10_000) String commentary) {}

    record NarrativeBody(
            @Size(max = 20_000) String summary,
            @Valid @Size(max = 200) List<GoalCommentary> goals) {}

    record NarrativeView(
            String region,
            int year,
            String summary,
            List<GoalCommentary> goals,
            long revision,
            Instant updatedAt,
            String updatedBy) {

        static NarrativeView of(Narrative narrative) {
            return new NarrativeView(
                    narrative.region(),
                    narrative.year(),
                    narrative.summary(),
                    narrative.commentary().stream()
                            .map(c -> new GoalCommentary(c.goalId(), c.text()))
                            .toList(),
                    narrative.revision(),
                    narrative.updatedAt(),
                    narrative.updatedBy());
        }
    }

    private final Narratives narratives;

    NarrativeController(Narratives narratives) {
        this.narratives = narratives;
    }

    @GetMapping("/api/reports/{region}/{year}/narrative")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    ResponseEntity<NarrativeView> read(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code") String region,
            @PathVariable @Min(2000) @Max(2100) int year) {
        var narrative =
                narratives.find(region, year).orElseThrow(() -> Problem.notFound("narrative", region + "/" + year));
        return ResponseEntity.ok().eTag("\"n" + narrative.revision() + "\"").body(NarrativeView.of(narrative));
    }

    @PutMapping("/api/reports/{region}/{year}/narrative")
    @PreAuthorize("hasRole('COORDINATOR')")
    ResponseEntity<NarrativeView> write(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code") String region,
            @PathVariable @Min(2000) @Max(2100) int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NarrativeBody body,
            Caller caller) {
        if (!caller.actsFor(region)) {
            throw Problem.forbidden("only a coordinator of %s writes its report's narrative".formatted(region));
        }
        var goals = body.goals() == null ? List.<GoalCommentary>of() : body.goals();
        if (goals.stream().map(GoalCommentary::goalId).distinct().count() < goals.size()) {
            throw Problem.invalid("goals", "a goal may have one commentary only");
        }
        var narrative = narratives.write(
                region,
                year,
                body.summary(),
                goals.stream()
                        .map(g -> new Narrative.Commentary(g.goalId(), g.commentary()))
                        .toList(),
                revisionOf(ifMatch));
        return ResponseEntity.ok().eTag("\"n" + narrative.revision() + "\"").body(NarrativeView.of(narrative));
    }

    private static Long revisionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim().replace("W/", "").replace("\"", "");
        if (!tag.matches("n\\d{1,18}")) {
            throw Problem.preconditionFailed("If-Match %s is not a narrative ETag".formatted(ifMatch));
        }
        return Long.parseLong(tag.substring(1));
    }
}
