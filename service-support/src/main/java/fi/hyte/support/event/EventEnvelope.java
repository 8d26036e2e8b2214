package fi.hyte.support.event;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The wire form of every Hyte event: a stable logical {@code type} (for example {@code goal.approved}),
 * never a Java class name, and the {@code payload} that the type's schema version describes.
 *
 * <p>Readers are tolerant: unknown fields are ignored and additions to the payload are never breaking.
 *
 * @param id unique event id; consumers use it (or the aggregate version) to stay idempotent
 * @param type logical event type, {@code <aggregate>.<past-tense verb>}
 * @param schemaVersion version of the payload schema of this type
 * @param aggregateId id of the aggregate the event belongs to; also the Kafka record key
 * @param aggregateVersion increases by one with every event of the aggregate
 * @param occurredAt when the state change was committed
 * @param region region code the event concerns, if any
 * @param correlationId id shared by everything one request caused
 * @param actor who caused it (the token subject, or {@code system})
 * @param payload type-specific content
 */
public record EventEnvelope(
        UUID id,
        String type,
        int schemaVersion,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        String region,
        String correlationId,
        String actor,
        JsonNode payload) {}
