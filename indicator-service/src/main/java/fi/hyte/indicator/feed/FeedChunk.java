package fi.hyte.indicator.feed;

import java.time.Instant;
import java.util.ArrayList;
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
     * The rows packed into one string ({@link #pack}): one string is far cheaper to write, read and rewrite than
     * thousands of array elements, on MongoDB and even more on the embedded server's H2 store, which serialises
     * every element.
     */
    private final String packed;

    /**
     * The rows as arrays of their fields, as chunks stored before {@link #packed} keep them;
     * null in a chunk stored since.
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
            String packed,
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
        this.packed = packed;
        this.rows = rows;
        this.done = done;
        this.changed = changed;
        this.unchanged = unchanged;
        this.rejected = rejected;
        this.errors = errors == null ? new ArrayList<>() : new ArrayList<>(errors);
        this.processedAt = processedAt;
    }

    /** Rows {@code seq} of a feed, as read. */
    static FeedChunk of(String feedId, int seq, List<FeedRow> rows) {
        return new FeedChunk(id(feedId, seq), feedId, seq, pack(rows), null, false, 0, 0, 0, List.of(), null);
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
        if (packed != null) {
            return unpack(packed);
        }
        List<FeedRow> decoded = new ArrayList<>(rows == null ? 0 : rows.size());
        if (rows != null) {
            rows.forEach(row -> decoded.add(decode(row)));
        }
        return decoded;
    }

    /**
     * The rows as one string: for each row its nine fields {@code row, indicator, region, regionCode, year, gender,
     * value, absValue, unreadable}, each written as {@code ~} when null, else as its length, {@code :} and the
     * text, so that no character of a field needs escaping.
     */
    static String pack(List<FeedRow> rows) {
        var out = new StringBuilder(rows.size() * 48);
        for (FeedRow row : rows) {
            field(out, Integer.toString(row.row()));
            field(out, row.indicator());
            field(out, row.region());
            field(out, row.regionCode());
            field(out, row.year());
            field(out, row.gender());
            field(out, row.value());
            field(out, row.absValue());
            field(out, row.unreadable());
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String text) {
        if (text == null) {
            out.append('~');
        } else {
            out.append(text.length()).append(':').append(text);
        }
    }

    static List<FeedRow> unpack(String packed) {
        List<FeedRow> rows = new ArrayList<>();
        String[] fields = new String[9];
        int at = 0;
        while (at < packed.length()) {
            for (int i = 0; i < fields.length; i++) {
                if (packed.charAt(at) == '~') {
                    fields[i] = null;
                    at++;
                } else {
                    int colon = packed.indexOf(':', at);
                    int end = colon + 1 + Integer.parseInt(packed, at, colon, 10);
                    fields[i] = packed.substring(colon + 1, end);
                    at = end;
                }
            }
            rows.add(new FeedRow(
                    Integer.parseInt(fields[0]),
                    fields[1],
                    fields[2],
                    fields[3],
                    fields[4],
                    fields[5],
                    fields[6],
                    fields[7],
                    fields[8]));
        }
        return rows;
    }

    /** A row of a chunk stored before rows were packed: {@code [row, indicator, ..., unreadable]}, nulls kept. */
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
