package fi.hyte.support.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Starts the span of one consumed record as the child of the trace context in its headers (the W3C
 * {@code traceparent} the outbox relay writes), or as a new trace when it has none: named {@code <topic> process},
 * kind CONSUMER, tagged with the topic, partition, offset, consumer group and the event type
 * ({@code hyte_event_type}).
 */
final class ConsumerSpans {

    static final String EVENT_TYPE_HEADER = "hyte_event_type";

    private static final Propagator.Getter<Headers> HEADERS = (headers, key) -> text(headers.lastHeader(key));

    private final Tracer tracer;
    private final Propagator propagator;

    ConsumerSpans(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    Tracer tracer() {
        return tracer;
    }

    Span start(ConsumerRecord<?, ?> record, String group) {
        Span.Builder span = propagator
                .extract(record.headers(), HEADERS)
                .name(record.topic() + " process")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.operation", "process")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.kafka.destination.partition", String.valueOf(record.partition()))
                .tag("messaging.kafka.message.offset", String.valueOf(record.offset()));
        if (group != null) {
            span.tag("messaging.kafka.consumer.group", group);
        }
        String type = eventType(record.headers());
        if (type != null) {
            span.tag("hyte.event.type", type);
        }
        return span.start();
    }

    /** The event type header as the binder writes it (a JSON string) or raw. */
    private static String eventType(Headers headers) {
        String type = text(headers.lastHeader(EVENT_TYPE_HEADER));
        if (type != null && type.length() >= 2 && type.startsWith("\"") && type.endsWith("\"")) {
            return type.substring(1, type.length() - 1);
        }
        return type;
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
