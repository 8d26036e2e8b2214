package fi.hyte.report.live;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event in the live log: {@code _id} is the event id, so a redelivered event is stored once; {@code seq}
 * orders the log and is the SSE id.
 */
@Document("event_log")
record LoggedEvent(@Id String id, long seq, String type, String region, Instant storedAt, String envelope) {}
