package fi.hyte.report.live;

import fi.hyte.support.web.Problem;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events?region=}: the domain events as Server-Sent Events ({@code id} = the log's sequence
 * number, {@code event} = the event type, {@code data} = the envelope). A browser's EventSource reconnects
 * with {@code Last-Event-ID} and gets what it missed, from whichever instance it reaches.
 */
@RestController
@Validated
class EventStreamController {

    private final EventStream stream;
    private final EventLog log;
    private final CountyMembers members;
    private final LiveProperties properties;

    EventStreamController(EventStream stream, EventLog log, CountyMembers members, LiveProperties properties) {
        this.stream = stream;
        this.log = log;
        this.members = members;
        this.properties = properties;
    }

    @GetMapping(path = "/api/events", produces = "text/event-stream")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    SseEmitter events(
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code")
                    String region,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Long resumeAfter = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                resumeAfter = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw Problem.invalid("Last-Event-ID", "is not an event id of this stream");
            }
            if (resumeAfter < 0) {
                throw Problem.invalid("Last-Event-ID", "is not an event id of this stream");
            }
        }
        var emitter = new SseEmitter(properties.connectionTimeout().toMillis());
        var subscription = stream.subscribe(region);
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(e -> subscription.close());
        Thread.ofVirtual()
                .name("sse-" + (region == null ? "all" : region))
                .start(new EventSender(emitter, subscription, resumeAfter, stream, log, members, properties));
        return emitter;
    }
}
