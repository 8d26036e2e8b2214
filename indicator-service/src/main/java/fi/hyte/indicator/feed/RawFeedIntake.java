package fi.hyte.indicator.feed;

import fi.hyte.indicator.value.ValueWriter;
import fi.hyte.support.event.EventContext;
import fi.hyte.support.web.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Rows integrators write straight to {@code hyte.indicator.feeds}, consumed in batches. Each message is one
 * Sotkanet-shaped JSON row object or a JSON array of them; a row's identity (the feed id and row its
 * revision keeps) is {@code kafka:<topic>:<partition>:<offset>} and its 1-based index in the message, so a
 * redelivered message changes nothing and its events are derived again with the same ids. The rows are
 * checked as feed rows are (a duplicate key within one message is rejected); every rejected row, and every
 * message that is not JSON of that shape, goes to {@code hyte.indicator.feeds.dlq} with the message's key,
 * the reason in header {@code x-rejection-reason}, the row's index in {@code x-rejected-row}, where it came
 * from in {@code x-original-topic/partition/offset}, and as value the rejected row's JSON (the whole message
 * if it could not be read). The
 * accepted rows of the whole batch are written with the same batched path as feed chunks, and their events
 * sent ({@link ChangePublisher}) and acknowledged before the batch's offsets are committed: a batch that fails
 * before is delivered again, and its rows, finding their revisions, give the same events, which are sent again.
 */
@Component
class RawFeedIntake {

    static final String DLQ_BINDING = "rawFeedsDlq-out-0";
    static final String REASON = "x-rejection-reason";
    static final String ROW = "x-rejected-row";
    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String ORIGINAL_PARTITION = "x-original-partition";
    static final String ORIGINAL_OFFSET = "x-original-offset";
    static final String ACTOR = "kafka";

    private static final Logger log = LoggerFactory.getLogger(RawFeedIntake.class);

    private final FeedParser parser;
    private final RowValidator validator;
    private final ValueWriter writer;
    private final ChangePublisher publisher;
    private final StreamBridge bridge;

    RawFeedIntake(
            FeedParser parser,
            RowValidator validator,
            ValueWriter writer,
            ChangePublisher publisher,
            StreamBridge bridge) {
        this.parser = parser;
        this.validator = validator;
        this.writer = writer;
        this.publisher = publisher;
        this.bridge = bridge;
    }

    /** Where a message was read from. */
    record Origin(String topic, int partition, long offset, byte[] key) {
        String feedId() {
            return "kafka:%s:%d:%d".formatted(topic, partition, offset);
        }
    }

    /** A consumed batch: returns only once its values, its events and its dead letters are stored. */
    void accept(List<byte[]> messages, List<Origin> origins) {
        log.debug("Raw feed batch of {} messages", messages.size());
        if (messages.isEmpty()) {
            return;
        }
        String batchId = "raw:%s:%d:%d+%d"
                .formatted(
                        origins.getFirst().topic(),
                        origins.getFirst().partition(),
                        origins.getFirst().offset(),
                        messages.size());
        EventContext.runAs(ACTOR, batchId, () -> apply(batchId, messages, origins));
    }

    private void apply(String batchId, List<byte[]> messages, List<Origin> origins) {
        List<List<ValueWriter.Proposal>> rounds = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        int rejected = 0;
        for (int i = 0; i < messages.size(); i++) {
            Origin origin = origins.get(i);
            List<FeedParser.RawRow> rows;
            try {
                rows = parser.message(messages.get(i));
            } catch (Problem e) {
                deadLetter(messages.get(i), origin, null, e.getMessage());
                rejected++;
                continue;
            }
            var seen = new KeySet();
            for (FeedParser.RawRow raw : rows) {
                String reason = null;
                switch (validator.check(raw.row())) {
                    case RowCheck.Valid valid -> {
                        String key = valid.key().id();
                        if (seen.add(key)) {
                            // a later message may revise what an earlier one says of the same key: write it after
                            int round = occurrences.merge(key, 1, Integer::sum) - 1;
                            if (rounds.size() <= round) {
                                rounds.add(new ArrayList<>());
                            }
                            rounds.get(round)
                                    .add(new ValueWriter.Proposal(
                                            valid.key(),
                                            valid.observation(),
                                            origin.feedId(),
                                            raw.row().row()));
                        } else {
                            reason = "duplicate: an earlier row of the message has " + key;
                        }
                    }
                    case RowCheck.Rejected r -> reason = r.reason();
                }
                if (reason != null) {
                    deadLetter(
                            raw.original().getBytes(StandardCharsets.UTF_8),
                            origin,
                            raw.row().row(),
                            reason);
                    rejected++;
                }
            }
        }
        List<ValueWriter.Recorded> changes = new ArrayList<>();
        int unchanged = 0;
        for (List<ValueWriter.Proposal> round : rounds) {
            for (ValueWriter.Recorded recorded : writer.record(round)) {
                if (recorded.event() != null) {
                    changes.add(recorded);
                } else {
                    unchanged++;
                }
            }
        }
        changes.sort(java.util.Comparator.comparing(
                        (ValueWriter.Recorded r) -> r.proposal().feedId())
                .thenComparingInt(r -> r.proposal().row()));
        publisher.send(changes).await();
        log.debug(
                "Raw feed batch {}: {} messages, {} changed, {} unchanged, {} rejected",
                batchId,
                messages.size(),
                changes.size(),
                unchanged,
                rejected);
    }

    private void deadLetter(byte[] body, Origin origin, Integer row, String reason) {
        var message = MessageBuilder.withPayload(body)
                .setHeader(KafkaHeaders.KEY, origin.key())
                .setHeader(REASON, bytes(reason))
                .setHeader(ORIGINAL_TOPIC, bytes(origin.topic()))
                .setHeader(ORIGINAL_PARTITION, bytes(Integer.toString(origin.partition())))
                .setHeader(ORIGINAL_OFFSET, bytes(Long.toString(origin.offset())));
        if (row != null) {
            message.setHeader(ROW, bytes(row.toString()));
        }
        Message<byte[]> built = message.build();
        if (!bridge.send(DLQ_BINDING, built)) {
            throw new IllegalStateException("dead-letter binding refused a rejected row");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
