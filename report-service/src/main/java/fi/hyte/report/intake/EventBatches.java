package fi.hyte.report.intake;

import fi.hyte.support.event.EventReader;
import fi.hyte.support.event.UnreadableEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads a consumed batch ({@code Message<List<byte[]>>}, the binding in batch mode with native decoding) into
 * events, in the order of the batch (which is each partition's order). A record that is not an event envelope
 * is left out: sent to the dead-letter topic when the caller owns that (each unreadable record is dead-lettered
 * once, by one consumer group, not once per group that reads its topic), logged otherwise.
 */
@Component
public class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

    private final EventReader reader;
    private final DeadLetterSender deadLetters;

    EventBatches(EventReader reader, DeadLetterSender deadLetters) {
        this.reader = reader;
        this.deadLetters = deadLetters;
    }

    /**
     * The batch's events.
     *
     * @param consumer the function's name, for the dead letter and the log
     * @param deadLetterUnreadable whether an unreadable record from this topic is this consumer's to dead-letter
     */
    public List<Received> read(Message<List<byte[]>> batch, String consumer, Predicate<String> deadLetterUnreadable) {
        List<byte[]> bodies = batch.getPayload();
        int size = bodies.size();
        List<?> topics = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC), size);
        List<?> partitions = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION), size);
        List<?> offsets = list(batch.getHeaders().get(KafkaHeaders.OFFSET), size);
        Object keyHeader = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        List<?> keys = keyHeader instanceof List<?> all && all.size() == size ? all : null;
        var events = new ArrayList<Received>(size);
        for (int i = 0; i < size; i++) {
            var origin = new Received.Origin(
                    String.valueOf(topics.get(i)),
                    ((Number) partitions.get(i)).intValue(),
                    ((Number) offsets.get(i)).longValue(),
                    keys == null ? null : key(keys.get(i)));
            byte[] body = bodies.get(i) == null ? new byte[0] : bodies.get(i);
            try {
                if (body.length == 0) {
                    throw new UnreadableEvent("an empty record");
                }
                events.add(new Received(reader.read(body), body, origin));
            } catch (UnreadableEvent e) {
                if (deadLetterUnreadable.test(origin.topic())) {
                    deadLetters.send(body, origin, consumer, e);
                } else {
                    log.warn("{}: record {} skipped, not an event: {}", consumer, origin, e.getMessage());
                }
            }
        }
        return events;
    }

    private static byte[] key(Object key) {
        if (key instanceof byte[] bytes) {
            return bytes;
        }
        return key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<?> list(Object header, int size) {
        if (header instanceof List<?> list && list.size() == size) {
            return list;
        }
        throw new IllegalStateException("batch header missing or of the wrong size: " + header);
    }
}
