package fi.hyte.support.outbox;

import java.util.UUID;

/**
 * Whose event an outbox holds when it is not the document's own aggregate's (see
 * {@link OutboxAggregate#raiseFor}).
 *
 * @param eventId the envelope id; derive it from what caused the event (for example a feed row) so that
 *     deriving the event again after a crash gives the same id
 * @param aggregateId the aggregate the event belongs to, also its Kafka key
 * @param aggregateVersion that aggregate's version after the event, which consumers order and deduplicate by
 * @param region the region code carried in the envelope, if any
 */
public record EventOrigin(UUID eventId, String aggregateId, long aggregateVersion, String region) {}
