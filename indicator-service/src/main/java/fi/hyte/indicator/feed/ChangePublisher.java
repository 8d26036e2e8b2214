package fi.hyte.indicator.feed;

import fi.hyte.indicator.value.ValueEvent;
import fi.hyte.indicator.value.ValueWriter;
import fi.hyte.support.event.EventContext;
import fi.hyte.support.outbox.EventOrigin;
import fi.hyte.support.outbox.OutboxProperties;
import fi.hyte.support.outbox.OutboxSender;
import fi.hyte.support.outbox.PendingEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the {@code indicator.updated} of a run of recorded changes straight to the events topic, with the outbox
 * relay's idempotent producer, and lets the caller wait for the broker's acknowledgements.
 *
 * <p>Why no outbox document: a change's event is fully determined by the value's stored revision history (its id
 * from the feed row, its version and old value from where the revision landed), so the values' bulk write is
 * itself the durable record of the events. A unit of work (a feed chunk, a raw batch) is marked done, or its offsets
 * committed, only after every event is acknowledged; a crash before that applies the rows again, and
 * {@link ValueWriter} derives the same events from the revisions, which are sent again (consumers are idempotent by
 * event id and aggregate version). Writing the events into the chunk, reading them back and removing them cost
 * more than everything else a feed does.
 */
@Component
class ChangePublisher {

    private static final String TYPE = "indicator.updated";

    private final OutboxSender sender;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration ackTimeout;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    ChangePublisher(
            OutboxSender sender,
            JsonMapper json,
            Clock clock,
            OutboxProperties outbox,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        this.sender = sender;
        this.json = json;
        this.clock = clock;
        this.ackTimeout = outbox.ackTimeout();
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Hands the changes' events to the producer without waiting, in the given order, as the submitter of the
     * current {@link EventContext}; only changes ({@code event} not null) are sent.
     */
    Sent send(List<ValueWriter.Recorded> changes) {
        if (changes.isEmpty()) {
            return Sent.NOTHING;
        }
        Instant at = clock.instant();
        String correlationId = EventContext.correlationId();
        String actor = EventContext.actor();
        String trace = traceparent();
        CompletableFuture<?>[] acks = new CompletableFuture<?>[changes.size()];
        int n = 0;
        for (ValueWriter.Recorded change : changes) {
            EventOrigin origin = change.origin();
            String envelope = envelope(origin, change.event(), at, correlationId, actor);
            CompletableFuture<Void> ack;
            try {
                ack = sender.send(
                        new PendingEvent(origin.eventId().toString(), TYPE, origin.aggregateId(), envelope, trace));
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks[n++] = ack;
        }
        return new Sent(CompletableFuture.allOf(acks), changes.size(), ackTimeout);
    }

    /**
     * The wire form, as {@code EventEnvelope} with the event as payload would be written, without building the
     * payload as a tree first.
     */
    String envelope(
            EventOrigin origin, ValueEvent.IndicatorUpdated event, Instant at, String correlationId, String actor) {
        return json.writeValueAsString(new Envelope(
                origin.eventId(),
                event.type(),
                event.schemaVersion(),
                origin.aggregateId(),
                origin.aggregateVersion(),
                at,
                origin.region(),
                correlationId,
                actor,
                event));
    }

    /** The fields of {@code fi.hyte.support.event.EventEnvelope}, in its order, with a typed payload. */
    record Envelope(
            UUID id,
            String type,
            int schemaVersion,
            String aggregateId,
            long aggregateVersion,
            Instant occurredAt,
            String region,
            String correlationId,
            String actor,
            ValueEvent.IndicatorUpdated payload) {}

    private String traceparent() {
        Tracer current = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null || propagation == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagation.inject(span.context(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** The acknowledgements of one run of events. */
    static final class Sent {

        static final Sent NOTHING = new Sent(CompletableFuture.completedFuture(null), 0, Duration.ZERO);

        private final CompletableFuture<Void> acknowledged;
        private final int events;
        private final Duration timeout;

        Sent(CompletableFuture<Void> acknowledged, int events, Duration timeout) {
            this.acknowledged = acknowledged;
            this.events = events;
            this.timeout = timeout;
        }

        int events() {
            return events;
        }

        /**
         * Returns once the broker has acknowledged every event.
         *
         * @throws NotAcknowledged if one was refused or not acknowledged in time (the unit of work is then applied
         *     and sent again)
         */
        void await() {
            try {
                acknowledged.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotAcknowledged(e);
            } catch (ExecutionException e) {
                throw new NotAcknowledged(e.getCause());
            } catch (TimeoutException e) {
                throw new NotAcknowledged(e);
            }
        }
    }

    /** The broker did not acknowledge every event of a unit of work. */
    static class NotAcknowledged extends RuntimeException {
        NotAcknowledged(Throwable cause) {
            super("the broker did not acknowledge every indicator.updated: " + cause, cause);
        }
    }
}
