package fi.hyte.indicator.feed;

import fi.hyte.indicator.value.ValueWriter;
import fi.hyte.support.outbox.OutboxAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A run of consecutive rows of a feed (or one batch of raw rows from Kafka), stored as the feed is read so
 * that no document grows with the feed, and processed as one unit of work: its values are written in one
 * bulk write, then the chunk is saved {@code DONE} with what its rows did and, in its outbox, the
 * {@code indicator.updated} of every value its rows changed. The chunk is the outbox because the values'
 * writes and their events cannot share one atomic write without transactions; what makes the pair
 * crash-safe is that each value's revision names the feed row that wrote it, so a chunk processed again
 * after a crash derives the same events (same ids, versions, old and new values) from the revisions.
 */
@Document("feed_chunks")
public class FeedChunk extends OutboxAggregate {

    @Id
    private final String id;

    @Indexed
    private final String feedId;

    private final int seq;

    /**
     * The rows as arrays of their fields ({@link #encode}): without a field name per value, a chunk is about
     * half the size and much cheaper to write and read than as embedded documents.
     */
    private final List<List<String>> rows;

    private boolean done;
    private int changed;
    private int unchanged;
    private int rejected;
    private List<RowError> errors;
    private Instant processedAt;

    FeedChunk(
            String id,
            String feedId,
            int seq,
            List<List<String>> rows,
            boolean done,
            int changed,
            int unchanged,
            int rejected,
            List<RowError> errors,
            Instant processedAt) {
        this.id = id;
        this.feedId = feedId;
        this.seq = seq;
        this.rows = rows == null ? List.of() : rows;
        this.done = done;
        this.changed = changed;
        this.unchanged = unchanged;
        this.rejected = rejected;
        this.errors = errors == null ? new ArrayList<>() : new ArrayList<>(errors);
        this.processedAt = processedAt;
    }

    /** Rows {@code seq} of a feed, as read. */
    static FeedChunk of(String feedId, int seq, List<FeedRow> rows) {
        List<List<String>> encoded = new ArrayList<>(rows.size());
        rows.forEach(row -> encoded.add(encode(row)));
        return new FeedChunk(id(feedId, seq), feedId, seq, encoded, false, 0, 0, 0, List.of(), null);
    }

    /** A batch of the raw feed topic: its rows are not kept, only what they did and their events. */
    static FeedChunk ofMessages(String id, String source) {
        return new FeedChunk(id, source, 0, List.of(), false, 0, 0, 0, List.of(), null);
    }

    static String id(String feedId, int seq) {
        return feedId + ":" + seq;
    }

    /** Ends the chunk with what its rows did; raises the events of the changed values. */
    void done(ChunkOutcome outcome, Instant at) {
        if (done) {
            throw new IllegalStateException("chunk " + id + " is done already");
        }
        done = true;
        changed = outcome.changed();
        unchanged = outcome.unchanged();
        rejected = outcome.errors().size();
        errors = new ArrayList<>(outcome.errors());
        processedAt = at;
        for (ValueWriter.Recorded change : outcome.changes()) {
            raiseFor(change.origin(), change.event());
        }
    }

    @Override
    public String aggregateId() {
        return id;
    }

    @Override
    public String region() {
        return null;
    }

    public String id() {
        return id;
    }

    String feedId() {
        return feedId;
    }

    int seq() {
        return seq;
    }

    List<FeedRow> rows() {
        List<FeedRow> decoded = new ArrayList<>(rows.size());
        rows.forEach(row -> decoded.add(decode(row)));
        return decoded;
    }

    /** {@code [row, indicator, region, regionCode, year, gender, value, absValue, unreadable]}, nulls kept. */
    static List<String> encode(FeedRow row) {
        return Arrays.asList(
                Integer.toString(row.row()),
                row.indicator(),
                row.region(),
                row.regionCode(),
                row.year(),
                row.gender(),
                row.value(),
                row.absValue(),
                row.unreadable());
    }

    static FeedRow decode(List<String> fields) {
        return new FeedRow(
                Integer.parseInt(fields.get(0)),
                fields.get(1),
                fields.get(2),
                fields.get(3),
                fields.get(4),
                fields.get(5),
                fields.get(6),
                fields.get(7),
                fields.get(8));
    }

    boolean isDone() {
        return done;
    }

    int changed() {
        return changed;
    }

    int unchanged() {
        return unchanged;
    }

    int rejected() {
        return rejected;
    }

    List<RowError> errors() {
        return Collections.unmodifiableList(errors);
    }

    Instant processedAt() {
        return processedAt;
    }
}
