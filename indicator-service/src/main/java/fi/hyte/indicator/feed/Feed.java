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
 * A feed an integrator submitted: its rows as sent, and, once processed, what they did. The rows travel with
 * the feed's document, so that storing a feed and announcing it is one atomic write and any instance can
 * process it later.
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

    @Id
    private final String id;

    private final FeedFormat format;
    private final String submittedBy;
    private final String correlationId;
    private final Instant receivedAt;
    private final List<FeedRow> rows;
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
            List<FeedRow> rows,
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
        this.rows = rows == null ? List.of() : List.copyOf(rows);
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
     * Stores what an integrator sent, to be processed later; announced by {@code feed.accepted}.
     *
     * @param correlationId the submitting request's, carried on into every event the feed causes
     */
    public static Feed receive(
            FeedFormat format, List<FeedRow> rows, String submittedBy, String correlationId, Instant at) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a feed has rows");
        }
        var feed = new Feed(
                UUID.randomUUID().toString(),
                format,
                submittedBy,
                correlationId,
                at,
                rows,
                FeedStatus.RECEIVED,
                0,
                null,
                null,
                0,
                0,
                0,
                0,
                List.of(),
                null,
                null);
        feed.raise(new FeedEvent.FeedAccepted(feed.id, format.name(), rows.size()));
        return feed;
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
            raise(new FeedEvent.FeedRejected(id, rows.size(), rejected, failure, firstErrors()));
        } else {
            status = FeedStatus.COMPLETED;
            raise(new FeedEvent.FeedCompleted(id, rows.size(), accepted, changed, unchanged, rejected));
        }
    }

    /** Stops retrying a feed whose processing keeps failing; announced by {@code feed.rejected}. */
    void giveUp(String reason, Instant at) {
        requireProcessing();
        end(at);
        status = FeedStatus.FAILED;
        failure = reason;
        raise(new FeedEvent.FeedRejected(id, rows.size(), rejected, reason, firstErrors()));
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

    public List<FeedRow> rows() {
        return rows;
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
