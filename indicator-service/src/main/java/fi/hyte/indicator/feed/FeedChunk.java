package fi.hyte.indicator.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A run of consecutive rows of a feed, stored as the feed is read so that no document grows with the feed, and
 * processed as one unit of work: its values are written in one bulk write, their {@code indicator.updated} sent to
 * Kafka ({@link ChangePublisher}), and once the broker has acknowledged them all the chunk is marked {@code done}
 * with what its rows did (an update by id alone: the rows are not written again). What makes this crash-safe is that
 * each value's revision names the feed row that wrote it: a chunk not yet done is applied again after a crash, and
 * its values, finding their revisions from these rows, give the same events (same ids, versions, old and new
 * values), which are sent again.
 */
@Document("feed_chunks")
public class FeedChunk {

    static final String DONE = "done";
    static final String CHANGED = "changed";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";
    static final String ERRORS = "errors";
    static final String PROCESSED_AT = "processedAt";

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

    static String id(String feedId, int seq) {
        return feedId + ":" + seq;
    }

    /** Ends the chunk with what its rows did, once their events are acknowledged. */
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
