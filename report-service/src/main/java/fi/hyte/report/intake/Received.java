package fi.hyte.report.intake;

import fi.hyte.support.event.EventEnvelope;

/**
 * One consumed record read as an event.
 *
 * @param event the envelope
 * @param body the record's value as it was on the topic
 * @param origin where it was read from
 */
public record Received(EventEnvelope event, byte[] body, Origin origin) {

    /** Where a record was read from. */
    public record Origin(String topic, int partition, long offset, byte[] key) {

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }
}
