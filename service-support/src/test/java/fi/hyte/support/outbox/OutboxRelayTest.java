package fi.hyte.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The relay against the Mongo-wire server, with a broker stand-in whose acknowledgements the test controls. */
class OutboxRelayTest {

    static final String COLLECTION = "things";

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    ControlledSender sender;
    SimpleMeterRegistry meters;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        var address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
        mongo = new MongoTemplate(client, "relay-test");
        sender = new ControlledSender();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    OutboxRelay relay(int maxBatchEvents) {
        var properties = new OutboxProperties(
                "events-out-0",
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                200,
                maxBatchEvents,
                Duration.ofSeconds(5));
        return new OutboxRelay(mongo, sender, properties, List.of(COLLECTION), meters);
    }

    @Test
    void sendsAWholeBatchBeforeWaitingAndRemovesNothingBeforeItsAcknowledgement() throws Exception {
        insert("a", 3);
        insert("b", 2);
        sender.holdAcks();
        var relay = relay(5000);
        var pool = Executors.newSingleThreadExecutor();
        var pass = pool.submit(relay::relayPending);

        waitUntil(() -> sender.sent.size() == 5);
        assertThat(sender.sent)
                .as("every event handed over before any acknowledgement")
                .extracting(PendingEvent::eventId)
                .containsExactly("a-1", "a-2", "a-3", "b-1", "b-2");
        Thread.sleep(200);
        assertThat(outbox("a")).as("nothing removed while unacknowledged").hasSize(3);
        assertThat(outbox("b")).hasSize(2);

        sender.acknowledgeAll();
        assertThat(pass.get(5, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(outbox("a")).isEmpty();
        assertThat(outbox("b")).isEmpty();
        assertThat(meters.get("hyte.outbox.pending").gauge().value()).isZero();
        pool.shutdown();
    }

    @Test
    void aDocumentWithAFailedSendKeepsItsEventsWhileTheOthersAreRemoved() {
        insert("a", 2);
        insert("b", 2);
        sender.failing("a-2");
        var relay = relay(5000);

        assertThatThrownBy(relay::relayPending).isInstanceOf(IllegalStateException.class);
        assertThat(outbox("a")).extracting(e -> e.getString("eventId")).containsExactly("a-1", "a-2");
        assertThat(outbox("b")).isEmpty();
        assertThat(meters.get("hyte.outbox.pending").gauge().value()).isEqualTo(1);

        sender.failing();
        assertThat(relay.relayPending()).isEqualTo(2);
        assertThat(outbox("a")).isEmpty();
    }

    @Test
    void anEventWrittenBackAfterItWasSentIsRemovedWithoutSendingItAgain() {
        insert("a", 1);
        var relay = relay(5000);
        relay.relayPending();
        // a save that had read the aggregate before the pass writes the sent event back
        insert("a", 1);

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(sender.sent).extracting(PendingEvent::eventId).containsExactly("a-1");
        assertThat(outbox("a")).isEmpty();
    }

    @Test
    void anEventAppendedDuringThePassStaysForTheNextOne() throws Exception {
        insert("a", 2);
        sender.holdAcks();
        var relay = relay(5000);
        var pool = Executors.newSingleThreadExecutor();
        var pass = pool.submit(relay::relayPending);
        waitUntil(() -> sender.sent.size() == 2);
        mongo.getCollection(COLLECTION)
                .updateOne(new Document("_id", "a"), new Document("$push", new Document("outbox", event("a", 3))));
        sender.acknowledgeAll();
        pass.get(5, TimeUnit.SECONDS);

        assertThat(outbox("a")).extracting(e -> e.getString("eventId")).containsExactly("a-3");
        pool.shutdown();
    }

    @Test
    void waitsForAcknowledgementsEveryMaxBatchEvents() throws Exception {
        for (int i = 0; i < 10; i++) {
            insert("d" + i, 3);
        }
        sender.holdAcks();
        var relay = relay(6);
        var pool = Executors.newSingleThreadExecutor();
        var pass = pool.submit(relay::relayPending);

        waitUntil(() -> sender.sent.size() == 6);
        Thread.sleep(200);
        assertThat(sender.sent).as("no more in flight than one batch").hasSize(6);
        sender.autoAcknowledge();
        assertThat(pass.get(5, TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(mongo.getCollection(COLLECTION)
                        .countDocuments(new Document("outbox.0", new Document("$exists", true))))
                .isZero();
        pool.shutdown();
    }

    private void insert(String id, int events) {
        List<Document> outbox = new ArrayList<>();
        for (int i = 1; i <= events; i++) {
            outbox.add(event(id, i));
        }
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        new Document("_id", id),
                        new Document("_id", id).append("outbox", outbox),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private static Document event(String id, int number) {
        return new Document("eventId", id + "-" + number)
                .append("type", "thing.happened")
                .append("key", id)
                .append("envelope", "{\"n\":" + number + "}");
    }

    private List<Document> outbox(String id) {
        return mongo.getCollection(COLLECTION)
                .find(new Document("_id", id))
                .first()
                .getList("outbox", Document.class);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 5 s");
            }
            Thread.sleep(10);
        }
    }

    /** Records what it is given; acknowledges at once, on command, or fails chosen events. */
    static class ControlledSender implements OutboxSender {
        final List<PendingEvent> sent = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
        volatile boolean hold;
        volatile List<String> failing = List.of();

        void holdAcks() {
            hold = true;
        }

        synchronized void acknowledgeAll() {
            hold = false;
            held.forEach(f -> f.complete(null));
            held.clear();
        }

        void autoAcknowledge() {
            acknowledgeAll();
        }

        void failing(String... eventIds) {
            failing = List.of(eventIds);
        }

        @Override
        public synchronized CompletableFuture<Void> send(PendingEvent event) {
            sent.add(event);
            if (failing.contains(event.eventId())) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
            }
            if (hold) {
                var future = new CompletableFuture<Void>();
                held.add(future);
                return future;
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
