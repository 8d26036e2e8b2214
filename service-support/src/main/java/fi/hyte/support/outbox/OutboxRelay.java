package fi.hyte.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes the events waiting in aggregates' documents, in the order they were raised, then removes each
 * from its document. Delivery is at least once: a crash between Kafka's acknowledgement and the removal
 * sends the event again, and every consumer is idempotent. Several instances may relay at once; that too
 * only duplicates, never loses.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final OutboxProperties properties;
    private final List<String> collections;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();

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
            StreamBridge bridge,
            OutboxProperties properties,
            List<String> collections,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.properties = properties;
        this.collections = List.copyOf(collections);
        Gauge.builder("hyte.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet confirmed by Kafka, as of the last relay pass")
                .register(meters);
    }

    /** Asks for a relay pass now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * Publishes everything pending now, on the caller's thread; returns the number of events sent. Used by
     * the relay loop, and by tests that want to see the outbox drained.
     */
    public synchronized int relayPending() {
        int sent = 0;
        long stillPending = 0;
        for (String collection : collections) {
            Query withPending = new Query(Criteria.where("outbox.0").exists(true)).limit(properties.batchSize());
            withPending.fields().include("outbox");
            for (Document document : mongo.find(withPending, Document.class, collection)) {
                List<Document> events = document.getList("outbox", Document.class);
                for (Document event : events) {
                    String eventId = event.getString("eventId");
                    if (!recentlySent.contains(eventId)) {
                        send(event);
                        recentlySent.add(eventId);
                    }
                    mongo.updateFirst(
                            Query.query(Criteria.where("_id").is(document.get("_id"))),
                            new Update().pull("outbox", new Document("eventId", event.getString("eventId"))),
                            collection);
                    sent++;
                }
            }
            stillPending += mongo.count(new Query(Criteria.where("outbox.0").exists(true)), collection);
        }
        pending.set(stillPending);
        return sent;
    }

    private void send(Document event) {
        var message = MessageBuilder.withPayload(event.getString("envelope").getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.getString("key").getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader("hyte_event_type", event.getString("type"))
                .build();
        if (!bridge.send(properties.binding(), message)) {
            throw new IllegalStateException(
                    "binding " + properties.binding() + " refused event " + event.get("eventId"));
        }
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
