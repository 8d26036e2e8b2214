package fi.hyte.indicator.value;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fi.hyte.support.outbox.EventOrigin;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Records many observations at once: one {@code $in} read of the values they concern, the outcomes decided
 * in memory, and one unordered bulk write: an insert for a new value (which collides on the id if someone
 * else created it meanwhile: only those rows are read and decided again), and for a changed value an atomic
 * update that sets it and appends its revision. The changed values are then read back, and each change's
 * event is taken from where its revision landed in the history, so that a concurrent writer of the same
 * value never makes an event name the wrong old value or version.
 *
 * <p>The rule: a value equal to the stored one changes nothing; a different one is appended as a revision
 * that names its feed and row; and a feed row whose revision is already stored (the write went through
 * before a crash, or another worker got there first) is not written again: its event is derived again from
 * the revision history, with the same event id, version, previous and new value as the first time.
 */
@Service
public class ValueWriter {

    private static final Logger log = LoggerFactory.getLogger(ValueWriter.class);
    private static final int ATTEMPTS = 10;
    private static final int DUPLICATE_KEY = 11000;
    private static final int READ_SLICE = 250;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String collection;

    ValueWriter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.collection = mongo.getCollectionName(IndicatorValue.class);
    }

    /**
     * What a feed row says of a value.
     *
     * @param feedId the feed (or topic partition and offset) the row came in; with {@code row}, the row's
     *     identity, which its revision keeps
     */
    public record Proposal(ValueKey key, Observation observation, String feedId, int row) {}

    /**
     * What recording a proposal did.
     *
     * @param event the {@code indicator.updated} of a change, null if unchanged
     * @param origin where the event belongs: the value id, the revision number as version, and an event id
     *     derived from the feed row
     */
    public record Recorded(Proposal proposal, Outcome outcome, ValueEvent.IndicatorUpdated event, EventOrigin origin) {}

    /**
     * Records the proposals, whose keys must be distinct; returns one result per proposal (in no particular
     * order).
     */
    public List<Recorded> record(List<Proposal> proposals) {
        requireDistinctKeys(proposals);
        List<Recorded> recorded = new ArrayList<>(proposals.size());
        List<Proposal> pending = proposals;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new ConcurrentValueWrites(pending.size());
            }
            if (attempt > 1) {
                log.debug("Retrying {} value writes that met a concurrent write, attempt {}", pending.size(), attempt);
                pause(attempt);
            }
            pending = attempt(pending, recorded);
        }
        return recorded;
    }

    /** Decides and writes; returns the proposals to decide again (a new value someone else created meanwhile). */
    private List<Proposal> attempt(List<Proposal> proposals, List<Recorded> recorded) {
        Map<String, Document> stored = read(proposals);
        Instant at = clock.instant();
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Proposal> written = new ArrayList<>();
        for (Proposal proposal : proposals) {
            Document value = stored.get(proposal.key().id());
            List<Document> revisions = revisions(value);
            int earlier = indexOf(revisions, proposal.feedId(), proposal.row());
            if (earlier >= 0) {
                recorded.add(derived(proposal, revisions, earlier));
                continue;
            }
            Observation observation = proposal.observation();
            if (value != null
                    && Objects.equals(number(value.get(IndicatorValue.VALUE)), observation.value())
                    && Objects.equals(number(value.get(IndicatorValue.ABS_VALUE)), observation.absValue())) {
                recorded.add(new Recorded(proposal, Outcome.UNCHANGED, null, null));
                continue;
            }
            Document revision = revision(observation, proposal.feedId(), proposal.row(), at);
            if (value == null) {
                writes.add(new InsertOneModel<>(newValue(proposal, revision, at)));
            } else {
                // by id alone: an update also filtering on the version makes the embedded server scan the
                // collection. Each update is atomic on its document, so the value and the last revision always
                // agree; where a concurrent writer's revision landed first, the event is derived from where
                // this one's landed (below), so old value and version are always those of the stored history.
                writes.add(new UpdateOneModel<>(
                        Filters.eq("_id", proposal.key().id()),
                        Updates.combine(
                                Updates.set(IndicatorValue.VALUE, observation.value()),
                                Updates.set(IndicatorValue.ABS_VALUE, observation.absValue()),
                                Updates.set(IndicatorValue.FEED_ID, proposal.feedId()),
                                Updates.set(IndicatorValue.UPDATED_AT, Date.from(at)),
                                Updates.inc(IndicatorValue.VERSION, 1L),
                                Updates.push(IndicatorValue.REVISIONS, revision))));
            }
            written.add(proposal);
        }
        if (writes.isEmpty()) {
            return List.of();
        }
        Set<Integer> failed = write(writes);
        List<Proposal> retry = new ArrayList<>();
        List<Proposal> updated = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Proposal proposal = written.get(i);
            if (failed.contains(i)) {
                retry.add(proposal);
            } else if (writes.get(i) instanceof InsertOneModel<Document>) {
                var observation = proposal.observation();
                recorded.add(changed(proposal, observation.value(), observation.absValue(), null, 1));
            } else {
                updated.add(proposal);
            }
        }
        if (!updated.isEmpty()) {
            Map<String, Document> after = read(updated);
            for (Proposal proposal : updated) {
                List<Document> revisions = revisions(after.get(proposal.key().id()));
                int index = indexOf(revisions, proposal.feedId(), proposal.row());
                if (index < 0) {
                    retry.add(proposal); // the value was removed meanwhile
                } else {
                    recorded.add(derived(proposal, revisions, index));
                }
            }
        }
        return retry;
    }

    /** Writes unordered; the indexes of the inserts that met a value created meanwhile. */
    private Set<Integer> write(List<WriteModel<Document>> writes) {
        try {
            mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> failed = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                failed.add(error.getIndex());
            }
            return failed;
        }
    }

    /**
     * The values of these proposals, one {@code $in} per slice of ids (the embedded server matches
     * {@code $in} linearly, so slices are faster than one long list).
     */
    private Map<String, Document> read(List<Proposal> proposals) {
        Map<String, Document> stored = new HashMap<>(proposals.size() * 2);
        for (int from = 0; from < proposals.size(); from += READ_SLICE) {
            List<String> ids = proposals.subList(from, Math.min(proposals.size(), from + READ_SLICE)).stream()
                    .map(p -> p.key().id())
                    .toList();
            mongo.getCollection(collection)
                    .find(Filters.in("_id", ids))
                    .projection(Projections.include(
                            IndicatorValue.VALUE, IndicatorValue.ABS_VALUE, IndicatorValue.REVISIONS))
                    .batchSize(ids.size())
                    .forEach(value -> stored.put(value.getString("_id"), value));
        }
        return stored;
    }

    private static List<Document> revisions(Document value) {
        return value == null ? List.of() : value.getList(IndicatorValue.REVISIONS, Document.class, List.of());
    }

    private static int indexOf(List<Document> revisions, String feedId, int row) {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            Document revision = revisions.get(i);
            if (revision.getInteger("row", -1) == row && feedId.equals(revision.getString("feedId"))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The change a stored revision made, as it was announced when it was written. A revision equal to the one
     * before it (two writers raced to store the same value) changed nothing and is announced by neither.
     */
    private static Recorded derived(Proposal proposal, List<Document> revisions, int index) {
        Document revision = revisions.get(index);
        if (index > 0 && sameFigures(revision, revisions.get(index - 1))) {
            return new Recorded(proposal, Outcome.UNCHANGED, null, null);
        }
        Double previous = index == 0 ? null : number(revisions.get(index - 1).get("value"));
        return changed(proposal, number(revision.get("value")), number(revision.get("absValue")), previous, index + 1);
    }

    private static Recorded changed(Proposal proposal, double value, Double absValue, Double previous, int version) {
        ValueKey key = proposal.key();
        var event = new ValueEvent.IndicatorUpdated(
                key.id(),
                key.indicator(),
                key.region(),
                key.year(),
                key.gender().code(),
                value,
                absValue,
                previous,
                proposal.feedId());
        var origin = new EventOrigin(eventId(proposal.feedId(), proposal.row()), key.id(), version, key.region());
        return new Recorded(proposal, Outcome.CHANGED, event, origin);
    }

    /** The id of the {@code indicator.updated} a feed row causes: the same however often it is derived. */
    static UUID eventId(String feedId, int row) {
        return UUID.nameUUIDFromBytes(("indicator.updated/" + feedId + "/" + row).getBytes(StandardCharsets.UTF_8));
    }

    private static Document revision(Observation observation, String feedId, int row, Instant at) {
        var revision = new Document("value", observation.value());
        if (observation.absValue() != null) {
            revision.append("absValue", observation.absValue());
        }
        return revision.append("feedId", feedId).append("row", row).append("at", Date.from(at));
    }

    private static Document newValue(Proposal proposal, Document revision, Instant at) {
        ValueKey key = proposal.key();
        var value = new Document("_id", key.id())
                .append("indicator", key.indicator())
                .append("region", key.region())
                .append("year", key.year())
                .append("gender", key.gender().code())
                .append(IndicatorValue.VALUE, proposal.observation().value());
        if (proposal.observation().absValue() != null) {
            value.append(IndicatorValue.ABS_VALUE, proposal.observation().absValue());
        }
        return value.append(IndicatorValue.FEED_ID, proposal.feedId())
                .append(IndicatorValue.UPDATED_AT, Date.from(at))
                .append(IndicatorValue.REVISIONS, List.of(revision))
                .append(IndicatorValue.VERSION, 0L);
    }

    private static boolean sameFigures(Document a, Document b) {
        return Objects.equals(number(a.get("value")), number(b.get("value")))
                && Objects.equals(number(a.get("absValue")), number(b.get("absValue")));
    }

    private static Double number(Object stored) {
        return stored instanceof Number number ? number.doubleValue() : null;
    }

    private static void requireDistinctKeys(List<Proposal> proposals) {
        var ids = new HashSet<String>(proposals.size() * 2);
        for (Proposal proposal : proposals) {
            if (!ids.add(proposal.key().id())) {
                throw new IllegalArgumentException(
                        "two proposals for " + proposal.key().id());
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying value writes", e);
        }
    }

    /** Writes kept meeting concurrent writes of the same values; the caller processes the rows again later. */
    public static class ConcurrentValueWrites extends RuntimeException {
        ConcurrentValueWrites(int rows) {
            super(rows + " value writes kept meeting concurrent writes");
        }
    }
}
