package fi.hyte.support.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes the events waiting in aggregates' documents, in the order they were raised, then removes them
 * from their documents. A pass reads documents with pending events, hands their events to the broker without
 * waiting (up to {@code hyte.outbox.max-batch-events} at a time), waits for every acknowledgement, and then
 * removes each document's acknowledged events with one update: a conditional {@code $set} of an empty
 * outbox when the outbox is still exactly what was sent, else one multi-id {@code $pull}. No event is removed
 * before its acknowledgement, and a document with a failed send keeps all its events for the next pass.
 *
 * <p>Delivery is at least once: a crash between the acknowledgement and the removal sends the event again,
 * and every consumer is idempotent. Several instances may relay at once; that too only duplicates, never
 * loses. The producer is idempotent, so the events of one aggregate (one key, one partition) stay in order
 * however many are in flight.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String OUTBOX = "outbox";
    private static final String EVENT_ID = "eventId";
    /** Documents fetched per round trip: an outbox may hold thousands of events (a feed chunk's). */
    private static final int CURSOR_BATCH = 16;

    private final MongoTemplate mongo;
    private final OutboxSender sender;
    private final OutboxProperties properties;
    private final List<String> collections;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;

    /**
     * Ids this instance has published recently. A save that read its aggregate before a relay pass removed
     * an event writes that event back; the relay then finds it here and only removes it again instead of
     * publishing it twice. (After a crash, or between instances, a duplicate remains possible: consumers
     * absorb it.)
     */
    private final Set<String> recentlySent = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(
            MongoTemplate mongo,
            OutboxSender sender,
            OutboxProperties properties,
            List<String> collections,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.sender = sender;
        this.properties = properties;
        this.collections = List.copyOf(collections);
        this.published = Counter.builder("hyte.outbox.published")
                .description("Events relayed from outboxes to Kafka (acknowledged, or found already sent)")
                .register(meters);
        Gauge.builder("hyte.outbox.pending", pending, AtomicLong::get)
                .description(
                        "Documents with events committed but not yet confirmed by Kafka, as of the last relay pass")
                .register(meters);
    }

    /** Asks for a relay pass now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * Publishes everything pending now, on the caller's thread; returns the number of events sent or found
     * already sent. Used by the relay loop, and by tests that want to see the outbox drained.
     *
     * @throws IllegalStateException if some event was not acknowledged (the others are removed; it stays)
     */
    public synchronized int relayPending() {
        int relayed = 0;
        long stillPending = 0;
        long found = 0;
        RuntimeException failure = null;
        for (String collection : collections) {
            var documents = mongo.getCollection(collection)
                    .find(Filters.exists("outbox.0"))
                    .projection(Projections.include(OUTBOX))
                    .batchSize(CURSOR_BATCH)
                    .limit(properties.batchSize());
            List<Document> batch = new ArrayList<>();
            int batchEvents = 0;
            try {
                for (Document document : documents) {
                    found++;
                    batch.add(document);
                    batchEvents += document.getList(OUTBOX, Document.class).size();
                    if (batchEvents >= properties.maxBatchEvents()) {
                        relayed += relay(collection, batch);
                        batch.clear();
                        batchEvents = 0;
                    }
                }
                relayed += relay(collection, batch);
            } catch (RuntimeException e) {
                failure = e;
                // counted only when something failed: a count scans the collection
                stillPending += mongo.getCollection(collection).countDocuments(Filters.exists("outbox.0"));
            }
        }
        // after a failure the full count; after a pass that took as many documents as it may (batch-size), at least
        // that many were waiting; otherwise it relayed everything it found
        pending.set(failure != null ? stillPending : found >= properties.batchSize() ? found : 0);
        published.increment(relayed);
        if (failure != null) {
            throw failure;
        }
        return relayed;
    }

    /** Sends the events of these documents, waits for all acknowledgements, removes the acknowledged ones. */
    private int relay(String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        Map<Object, List<CompletableFuture<Void>>> acks = new LinkedHashMap<>();
        for (Document document : documents) {
            List<CompletableFuture<Void>> documentAcks = new ArrayList<>();
            for (Document event : document.getList(OUTBOX, Document.class)) {
                String eventId = event.getString(EVENT_ID);
                if (recentlySent.contains(eventId)) {
                    documentAcks.add(CompletableFuture.completedFuture(null));
                } else {
                    documentAcks.add(sendLater(event));
                }
            }
            acks.put(document.get("_id"), documentAcks);
        }
        int relayed = 0;
        Throwable firstFailure = null;
        for (Document document : documents) {
            List<Document> events = document.getList(OUTBOX, Document.class);
            Throwable failed = awaitAll(acks.get(document.get("_id")));
            if (failed != null) {
                firstFailure = firstFailure == null ? failed : firstFailure;
                continue;
            }
            events.forEach(event -> recentlySent.add(event.getString(EVENT_ID)));
            remove(collection, document.get("_id"), events);
            relayed += events.size();
        }
        if (firstFailure != null) {
            throw new IllegalStateException("the broker did not acknowledge every event", firstFailure);
        }
        return relayed;
    }

    private CompletableFuture<Void> sendLater(Document event) {
        try {
            return sender.send(new PendingEvent(
                    event.getString(EVENT_ID),
                    event.getString("type"),
                    event.getString("key"),
                    event.getString("envelope"),
                    event.getString("traceparent")));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for every acknowledgement; the first failure, or null if all succeeded. */
    private Throwable awaitAll(List<CompletableFuture<Void>> futures) {
        Throwable failure = null;
        for (CompletableFuture<Void> future : futures) {
            try {
                future.get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (TimeoutException e) {
                failure = failure == null ? e : failure;
            }
        }
        return failure;
    }

    /**
     * Removes the sent events with one update. When the outbox is still exactly what was read (the usual
     * case) it is emptied by a conditional {@code $set}, which costs the same for one event or thousands;
     * otherwise (a save appended events meanwhile) the sent ones are pulled by id.
     */
    private void remove(String collection, Object id, List<Document> sent) {
        var outboxes = mongo.getCollection(collection);
        var unchanged = Filters.and(Filters.eq("_id", id), Filters.eq(OUTBOX, sent));
        if (outboxes.updateOne(unchanged, Updates.set(OUTBOX, List.of())).getMatchedCount() == 1) {
            return;
        }
        List<String> ids = sent.stream().map(event -> event.getString(EVENT_ID)).toList();
        outboxes.updateOne(Filters.eq("_id", id), Updates.pull(OUTBOX, Filters.in(EVENT_ID, ids)));
    }

    private void loop() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                wakeUps.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (!running) {
                    return;
                }
                while (relayPending() > 0 && running) {
                    // drain everything that arrived meanwhile before sleeping again
                }
                backoff = properties.pollInterval();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
                log.warn("Outbox relay pass failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            wakeUp();
            try {
                current.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the binder and the Mongo client go away, start after them
        return Integer.MAX_VALUE - 100;
    }
}
