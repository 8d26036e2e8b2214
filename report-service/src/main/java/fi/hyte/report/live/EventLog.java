package fi.hyte.report.live;

import fi.hyte.support.event.EventEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The durable, ordered log of every event the service has seen. Each event gets the next number of an
 * atomic counter ({@code findAndModify $inc}), so every instance agrees on the order and a client can resume
 * from any instance. Two appends can take numbers 5 and 6 and write 6 first: readers of the live tail
 * therefore wait briefly at a hole ({@link LiveProperties#gapWait()}) before skipping it.
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

    /**
     * Stores the event unless it is already in the log or older than the retention; returns whether it was
     * stored.
     */
    boolean append(EventEnvelope event, String json) {
        String id = event.id().toString();
        Instant now = clock.instant();
        if (event.occurredAt() != null && event.occurredAt().isBefore(now.minus(properties.retention()))) {
            return false;
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)) {
            return false;
        }
        try {
            mongo.insert(new LoggedEvent(id, nextSeq(), event.type(), event.region(), now, json), COLLECTION);
        } catch (DuplicateKeyException concurrentRedelivery) {
            return false; // its number stays unused: readers skip the hole after gapWait
        }
        appended.release();
        return true;
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

    private long nextSeq() {
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(COLLECTION)),
                new Update().inc("seq", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                COUNTERS);
        return ((Number) counter.get("seq")).longValue();
    }
}
