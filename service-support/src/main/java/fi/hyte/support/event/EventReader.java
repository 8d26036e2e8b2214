package fi.hyte.support.event;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads incoming events as a tolerant reader: unknown fields are ignored, so producers can add fields
 * without breaking consumers. A record that is not an event is refused with {@link UnreadableEvent}, which
 * the binder retries and then sends to the dead-letter topic with the reason.
 */
public class EventReader {

    private final ObjectReader envelopes;
    private final JsonMapper mapper;

    public EventReader(JsonMapper mapper) {
        this.mapper = mapper;
        this.envelopes =
                mapper.readerFor(EventEnvelope.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public EventEnvelope read(byte[] record) {
        EventEnvelope envelope;
        try {
            envelope = envelopes.readValue(record);
        } catch (JacksonException e) {
            throw new UnreadableEvent("not a Hyte event envelope: " + e.getOriginalMessage(), e);
        }
        if (envelope == null || envelope.id() == null || envelope.type() == null || envelope.aggregateId() == null) {
            throw new UnreadableEvent("event envelope lacks id, type or aggregateId");
        }
        return envelope;
    }

    /** Maps an event's payload to the consumer's own record of the fields it needs. */
    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(envelope.payload());
        } catch (JacksonException e) {
            throw new UnreadableEvent(
                    "payload of %s %s does not fit %s: %s"
                            .formatted(envelope.type(), envelope.id(), type.getSimpleName(), e.getOriginalMessage()),
                    e);
        }
    }
}
