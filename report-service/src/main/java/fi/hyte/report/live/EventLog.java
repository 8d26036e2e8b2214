package fi.hyte.report.live;

import fi.hyte.support.event.EventEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The durable, ordered log of every event the service has seen. A consumed batch reserves a run of numbers of
 * an atomic counter ({@code findAndModify $inc} by the batch's size) and its events take them in the batch's
 * order, so every instance agrees on the order and a client can resume from any instance. Two appends can take
 * numbers 5 and 6 and write 6 first: readers of the live tail therefore wait briefly at a hole
 * ({@link LiveProperties#gapWait()}) before skipping it.
 */
@Component
class EventLog {

    static final String COLLECTION = "event_log";
    private static final String COUNTERS = "counters";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final LiveProperties properties;
    private final Semaphore appended = new Semaphore(0);

    EventLog(MongoTemplate mongo, Clock clock, LiveProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        mongo.indexOps(COLLECTION).createIndex(new Index("seq", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index("storedAt", Sort.Direction.ASC));
    }

    /** An event to log, with its compact JSON (the SSE data). */
    record Entry(EventEnvelope event, String json) {}

    /**
     * Stores a batch of events in their order, leaving out those already in the log (a redelivery), repeated
     * within the batch, or older than the retention: one read of the batch's ids, one {@code $inc} that reserves
     * as many numbers as there are new events (so concurrent instances never take the same number), and one
     * unordered insert. Returns how many were stored. An event another instance stored meanwhile collides with
     * its {@code _id}: its number stays unused and readers skip the hole after {@code gapWait}.
     */
    int append(List<Entry> batch) {
        Instant now = clock.instant();
        Instant oldest = now.minus(properties.retention());
        var fresh = new LinkedHashMap<String, Entry>();
        for (Entry entry : batch) {
            var occurredAt = entry.event().occurredAt();
            if (occurredAt == null || !occurredAt.isBefore(oldest)) {
                fresh.putIfAbsent(entry.event().id().toString(), entry);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        var logged = Query.query(Criteria.where("_id").in(fresh.keySet()));
        logged.fields().include("_id");
        mongo.find(logged, Document.class, COLLECTION).forEach(document -> fresh.remove(document.getString("_id")));
        if (fresh.isEmpty()) {
            return 0;
        }
        long first = reserve(fresh.size());
        var documents = new ArrayList<LoggedEvent>(fresh.size());
        long seq = first;
        for (var entry : fresh.entrySet()) {
            EventEnvelope event = entry.getValue().event();
            documents.add(new LoggedEvent(
                    entry.getKey(),
                    seq++,
                    event.type(),
                    event.region(),
                    now,
                    entry.getValue().json()));
        }
        int stored;
        try {
            var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, LoggedEvent.class, COLLECTION);
            bulk.insert(documents);
            stored = bulk.execute().getInsertedCount();
        } catch (BulkOperationException concurrentRedelivery) {
            // another instance logged some of them meanwhile: theirs stay, and their numbers here stay unused
            stored = concurrentRedelivery.getResult().getInsertedCount();
        }
        if (stored > 0) {
            appended.release();
        }
        return stored;
    }

    /** Events after {@code seq}, in order, optionally only those of the given regions. */
    List<LoggedEvent> after(long seq, long upTo, Collection<String> regions, int limit) {
        var criteria = Criteria.where("seq").gt(seq).lte(upTo);
        if (regions != null) {
            criteria = criteria.and("region").in(regions);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("seq")).limit(limit), LoggedEvent.class, COLLECTION);
    }

    long latestSeq() {
        var last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "seq")), LoggedEvent.class, COLLECTION);
        return last == null ? 0 : last.seq();
    }

    /** Waits until this instance appends an event or {@code millis} pass. */
    void awaitAppend(long millis) throws InterruptedException {
        appended.tryAcquire(millis, TimeUnit.MILLISECONDS);
        appended.drainPermits();
    }

    long prune() {
        var expired = Query.query(Criteria.where("storedAt").lt(clock.instant().minus(properties.retention())));
        return mongo.remove(expired, COLLECTION).getDeletedCount();
    }

    /** Reserves {@code n} consecutive numbers; returns the first. */
    private long reserve(int n) {
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(COLLECTION)),
                new Update().inc("seq", (long) n),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                COUNTERS);
        return ((Number) counter.get("seq")).longValue() - n + 1;
    }
}
