package fi.hyte.report.live;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes one client's stream on a virtual thread of its own: first what the client missed (from the log,
 * after its {@code Last-Event-ID}), then the live queue, with a heartbeat comment when idle. Ends when the
 * client goes away, falls behind (it reconnects and resumes from the log), or the service stops.
 */
final class EventSender implements Runnable {

    private static final Logger logger = LoggerFactory.getLogger(EventSender.class);

    private final SseEmitter emitter;
    private final Subscription subscription;
    private final EventStream stream;
    private final EventLog log;
    private final CountyMembers members;
    private final LiveProperties properties;
    private long cursor;

    EventSender(
            SseEmitter emitter,
            Subscription subscription,
            Long lastEventId,
            EventStream stream,
            EventLog log,
            CountyMembers members,
            LiveProperties properties) {
        this.emitter = emitter;
        this.subscription = subscription;
        this.stream = stream;
        this.log = log;
        this.members = members;
        this.properties = properties;
        this.cursor = lastEventId == null ? subscription.liveFrom() : lastEventId;
    }

    @Override
    public void run() {
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(1000));
            replay();
            long heartbeat = properties.heartbeat().toMillis();
            while (!subscription.ended()) {
                LoggedEvent event = subscription.poll(heartbeat);
                if (subscription.ended()) {
                    break;
                }
                if (event == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } else if (event.seq() > cursor) {
                    send(event);
                }
            }
            if (subscription.overflowed()) {
                logger.info(
                        "disconnecting a client {} events behind; it resumes from the log", properties.clientBuffer());
            }
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            logger.debug("client went away: {}", gone.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            logger.warn("event stream failed: {}", e.toString());
            emitter.completeWithError(e);
        } finally {
            stream.unsubscribe(subscription);
        }
    }

    /** Everything after the client's last id up to where the live queue took over. */
    private void replay() throws IOException {
        long upTo = subscription.liveFrom();
        while (cursor < upTo && !subscription.ended()) {
            List<LoggedEvent> batch = log.after(cursor, upTo, subscription.regions(members), properties.replayBatch());
            if (batch.isEmpty()) {
                cursor = upTo;
                return;
            }
            for (LoggedEvent event : batch) {
                send(event);
            }
        }
    }

    private void send(LoggedEvent event) throws IOException {
        emitter.send(SseEmitter.event()
                .id(Long.toString(event.seq()))
                .name(event.type())
                .data(event.envelope(), MediaType.APPLICATION_JSON));
        cursor = event.seq();
    }
}
