package fi.hyte.indicator.feed;

import fi.hyte.support.outbox.OutboxAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A feed an integrator submitted: its status and counts, never its rows. The rows are stored in
 * {@link FeedChunk}s as the body is read; the feed is {@code RECEIVING} (and invisible) until the last chunk
 * is stored, then {@code RECEIVED} and announced, so that any instance can process it later. A feed whose
 * upload broke off is removed with its chunks.
 *
 * <p>A worker takes a feed with an atomic claim ({@link FeedQueue}), which sets it {@code PROCESSING} under a
 * lease and bumps its version; the worker's final save therefore fails if another worker took the feed over
 * after the lease expired.
 */
@Document("feeds")
@CompoundIndex(name = "queue", def = "{'status': 1, 'receivedAt': 1}")
public class Feed extends OutboxAggregate {

    /** Rejected rows named in a {@code feed.rejected} event; the feed document keeps more. */
    static final int ERRORS_IN_EVENT = 20;

    // field names that FeedQueue updates in place
    static final String STATUS = "status";
    static final String RECEIVED_AT = "receivedAt";
    static final String CLAIM = "claim";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String ATTEMPTS = "attempts";
    static final String ACCEPTED = "accepted";
    static final String CHANGED = "changed";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";
    static final String ERRORS = "errors";

    @Id
    private final String id;

    private final FeedFormat format;
    private final String submittedBy;
    private final String correlationId;
    private final Instant receivedAt;
    private int rows;
    private int chunks;
    private FeedStatus status;
    private int attempts;
    private String claim;
    private Instant leaseUntil;
    private int accepted;
    private int changed;
    private int unchanged;
    private int rejected;
    private List<RowError> errors;
    private String failure;
    private Instant completedAt;

    Feed(
            String id,
            FeedFormat format,
            String submittedBy,
            String correlationId,
            Instant receivedAt,
            int rows,
            int chunks,
            FeedStatus status,
            int attempts,
            String claim,
            Instant leaseUntil,
            int accepted,
            int changed,
            int unchanged,
            int rejected,
            List<RowError> errors,
            String failure,
            Instant completedAt) {
        this.id = id;
        this.format = format;
        this.submittedBy = submittedBy;
        this.correlationId = correlationId;
        this.receivedAt = receivedAt;
        this.rows = rows;
        this.chunks = chunks;
        this.status = status;
        this.attempts = attempts;
        this.claim = claim;
        this.leaseUntil = leaseUntil;
        this.accepted = accepted;
        this.changed = changed;
        this.unchanged = unchanged;
        this.rejected = rejected;
        this.errors = errors == null ? new ArrayList<>() : new ArrayList<>(errors);
        this.failure = failure;
        this.completedAt = completedAt;
    }

    /**
     * A feed whose body is being read into chunks; not shown, not announced, and removed if the upload
     * breaks off (its lease lapses without renewal).
     *
     * @param correlationId the submitting request's, carried on into every event the feed causes
     */
    public static Feed receiving(
            FeedFormat format, String submittedBy, String correlationId, Instant at, Instant leaseUntil) {
        return new Feed(
                UUID.randomUUID().toString(),
                format,
                submittedBy,
                correlationId,
                at,
                0,
                0,
                FeedStatus.RECEIVING,
                0,
                null,
                leaseUntil,
                0,
                0,
                0,
                0,
                List.of(),
                null,
                null);
    }

    /** Every row is stored, in {@code chunks} chunks: the feed awaits processing; announced by {@code feed.accepted}. */
    void received(int rowCount, int chunkCount) {
        if (status != FeedStatus.RECEIVING) {
            throw new IllegalStateException("feed %s is %s, not RECEIVING".formatted(id, status));
        }
        if (rowCount == 0) {
            throw new IllegalArgumentException("a feed has rows");
        }
        rows = rowCount;
        chunks = chunkCount;
        status = FeedStatus.RECEIVED;
        leaseUntil = null;
        raise(new FeedEvent.FeedAccepted(id, format.name(), rowCount));
    }

    /**
     * Ends processing with what the rows did: {@code COMPLETED} and {@code feed.completed} if any row was
     * valid, else {@code FAILED} and {@code feed.rejected}.
     */
    void finish(FeedTally tally, Instant at) {
        requireProcessing();
        accepted = tally.accepted();
        changed = tally.changed();
        unchanged = tally.unchanged();
        rejected = tally.rejected();
        errors = new ArrayList<>(tally.errors());
        end(at);
        if (accepted == 0) {
            status = FeedStatus.FAILED;
            failure = "no row of the feed is valid";
            raise(new FeedEvent.FeedRejected(id, rows, rejected, failure, firstErrors()));
        } else {
            status = FeedStatus.COMPLETED;
            raise(new FeedEvent.FeedCompleted(id, rows, accepted, changed, unchanged, rejected));
        }
    }

    /** Stops retrying a feed whose processing keeps failing; announced by {@code feed.rejected}. */
    void giveUp(String reason, Instant at) {
        requireProcessing();
        end(at);
        status = FeedStatus.FAILED;
        failure = reason;
        raise(new FeedEvent.FeedRejected(id, rows, rejected, reason, firstErrors()));
    }

    private void requireProcessing() {
        if (status != FeedStatus.PROCESSING) {
            throw new IllegalStateException("feed %s is %s, not PROCESSING".formatted(id, status));
        }
    }

    private void end(Instant at) {
        completedAt = at;
        claim = null;
        leaseUntil = null;
    }

    private List<RowError> firstErrors() {
        return List.copyOf(errors.subList(0, Math.min(errors.size(), ERRORS_IN_EVENT)));
    }

    @Override
    public String aggregateId() {
        return id;
    }

    /** Feeds belong to no region: a feed may bring values of many. */
    @Override
    public String region() {
        return null;
    }

    public String id() {
        return id;
    }

    public FeedFormat format() {
        return format;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** Number of data rows. */
    public int rows() {
        return rows;
    }

    /** Number of chunks the rows are stored in. */
    int chunks() {
        return chunks;
    }

    public FeedStatus status() {
        return status;
    }

    /** How many times a worker has claimed the feed. */
    public int attempts() {
        return attempts;
    }

    String claim() {
        return claim;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public int accepted() {
        return accepted;
    }

    public int changed() {
        return changed;
    }

    public int unchanged() {
        return unchanged;
    }

    public int rejected() {
        return rejected;
    }

    /** The first rejected rows; {@link #rejected()} counts them all. */
    public List<RowError> errors() {
        return Collections.unmodifiableList(errors);
    }

    public String failure() {
        return failure;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
