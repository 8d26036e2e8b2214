package fi.hyte.support.outbox;

/**
 * An event committed with its aggregate's state and not yet confirmed by Kafka.
 *
 * @param eventId the event id, also inside {@code envelope} (not named {@code id}, which MongoDB mapping would store as {@code _id})
 * @param type logical type, for operators reading the document
 * @param key the Kafka record key (the aggregate id)
 * @param envelope the complete wire form, serialised once at commit time so that the relay sends exactly
 *     what was committed
 * @param traceparent the W3C trace context of the work that raised the event, or null without tracing; sent
 *     as the record's {@code traceparent} header, so that a consumer's span continues the same trace
 */
public record PendingEvent(String eventId, String type, String key, String envelope, String traceparent) {}
