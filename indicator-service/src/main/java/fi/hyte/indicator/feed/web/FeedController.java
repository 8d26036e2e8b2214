package fi.hyte.indicator.feed.web;

import fi.hyte.indicator.feed.Feed;
import fi.hyte.indicator.feed.FeedIntake;
import fi.hyte.indicator.feed.FeedStatus;
import fi.hyte.indicator.feed.Feeds;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Indicator feeds. Integrators submit them, as Sotkanet's JSON rows or CSV, and follow their progress;
 * coordinators and viewers may follow it too. Processing is asynchronous: a submission answers 202 with the
 * feed's {@code Location}.
 */
@RestController
@Validated
@RequestMapping("/api/indicator-feeds")
class FeedController {

    static final String TEXT_CSV = "text/csv";

    private final FeedIntake intake;
    private final Feeds feeds;

    FeedController(FeedIntake intake, Feeds feeds) {
        this.intake = intake;
        this.feeds = feeds;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INTEGRATOR')")
    ResponseEntity<FeedViews.FeedView> submitJson(InputStream body, Caller caller) {
        return accepted(intake.json(body, caller.subject()));
    }

    @PostMapping(consumes = TEXT_CSV)
    @PreAuthorize("hasRole('INTEGRATOR')")
    ResponseEntity<FeedViews.FeedView> submitCsv(InputStream body, Caller caller) {
        return accepted(intake.csv(body, caller.subject()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('INTEGRATOR', 'COORDINATOR', 'VIEWER')")
    FeedViews.FeedView get(@PathVariable @Size(max = 64) String id) {
        return feeds.findById(id)
                .filter(feed -> feed.status() != FeedStatus.RECEIVING)
                .map(FeedViews::of)
                .orElseThrow(() -> Problem.notFound("feed", id));
    }

    /**
     * The {@code Location} is a path, not an absolute URL: behind the gateway this service does not know the
     * public host, and a relative reference is resolved against the request's (RFC 9110 section 10.2.2).
     */
    private static ResponseEntity<FeedViews.FeedView> accepted(Feed feed) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/indicator-feeds/" + feed.id()))
                .body(FeedViews.of(feed));
    }
}
