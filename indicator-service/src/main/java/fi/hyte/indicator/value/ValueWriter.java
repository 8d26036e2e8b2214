package fi.hyte.indicator.value;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Records many observations at once: one {@code $in} read of the values they concern, the outcomes decided
 * in memory, and one unordered bulk write whose every write is conditional (an insert collides on the id of
 * a value someone else created meanwhile; an update matches only the version it was decided on). Rows whose
 * write did not apply are read and decided again, and only those.
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

    /** Decides and writes; returns the proposals whose write did not apply. */
    private List<Proposal> attempt(List<Proposal> proposals, List<Recorded> recorded) {
        Map<String, Document> stored = read(proposals);
        Instant at = clock.instant();
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Recorded> planned = new ArrayList<>();
        List<Proposal> written = new ArrayList<>();
        for (Proposal proposal : proposals) {
            Document value = stored.get(proposal.key().id());
            List<Document> revisions =
                    value == null ? List.of() : value.getList(IndicatorValue.REVISIONS, Document.class, List.of());
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
                writes.add(new UpdateOneModel<>(
                        Filters.and(
                                Filters.eq("_id", proposal.key().id()),
                                Filters.eq(IndicatorValue.VERSION, value.get(IndicatorValue.VERSION))),
                        Updates.combine(
                                Updates.set(IndicatorValue.VALUE, observation.value()),
                                Updates.set(IndicatorValue.ABS_VALUE, observation.absValue()),
                                Updates.set(IndicatorValue.FEED_ID, proposal.feedId()),
                                Updates.set(IndicatorValue.UPDATED_AT, Date.from(at)),
                                Updates.inc(IndicatorValue.VERSION, 1L),
                                Updates.push(IndicatorValue.REVISIONS, revision))));
            }
            Double previous = value == null ? null : number(value.get(IndicatorValue.VALUE));
            planned.add(changed(proposal, observation.value(), observation.absValue(), previous, revisions.size() + 1));
            written.add(proposal);
        }
        if (writes.isEmpty()) {
            return List.of();
        }
        if (allApplied(writes)) {
            recorded.addAll(planned);
            return List.of();
        }
        // some write met a concurrent one: read the written rows again; those that did apply are found with
        // their revision and derived, the others are decided again
        return written;
    }

    private boolean allApplied(List<WriteModel<Document>> writes) {
        MongoCollection<Document> values = mongo.getCollection(collection);
        BulkWriteResult result;
        try {
            result = values.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            return false;
        }
        return result.getInsertedCount() + result.getMatchedCount() == writes.size();
    }

    private Map<String, Document> read(List<Proposal> proposals) {
        List<String> ids = proposals.stream().map(p -> p.key().id()).toList();
        Map<String, Document> stored = new HashMap<>(ids.size() * 2);
        mongo.getCollection(collection)
                .find(Filters.in("_id", ids))
                .projection(Projections.include(
                        IndicatorValue.VALUE,
                        IndicatorValue.ABS_VALUE,
                        IndicatorValue.VERSION,
                        IndicatorValue.REVISIONS))
                .batchSize(Math.max(ids.size(), 1))
                .forEach(value -> stored.put(value.getString("_id"), value));
        return stored;
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

    /** The change a stored revision made, as it was announced when it was written. */
    private static Recorded derived(Proposal proposal, List<Document> revisions, int index) {
        Document revision = revisions.get(index);
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
