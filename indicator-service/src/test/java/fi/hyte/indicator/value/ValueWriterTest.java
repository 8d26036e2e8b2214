package fi.hyte.indicator.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The batched value write against the Mongo-wire server: outcomes, revisions, events, replays, races. */
class ValueWriterTest {

    static final ValueKey KEY = new ValueKey(4284, "HVA-4", 2024, Gender.TOTAL);
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    ValueWriter writer;
    IndicatorValuesReader reader;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        var address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
        mongo = new MongoTemplate(client, "values-test");
        writer = new ValueWriter(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
        reader = new IndicatorValuesReader(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void isKeyedDeterministically() {
        assertThat(KEY.id()).isEqualTo("4284:HVA-4:2024:total");
    }

    @Test
    void aNewValueIsStoredAsItsFirstRevisionAndAnnounced() {
        var recorded = one(writer.record(List.of(proposal(KEY, 11.2, "feed-1", 1))));

        assertThat(recorded.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(recorded.event().value()).isEqualTo(11.2);
        assertThat(recorded.event().previousValue()).isNull();
        assertThat(recorded.event().feedId()).isEqualTo("feed-1");
        assertThat(recorded.origin().aggregateId()).isEqualTo(KEY.id());
        assertThat(recorded.origin().aggregateVersion()).isEqualTo(1);
        assertThat(recorded.origin().region()).isEqualTo("HVA-4");
        assertThat(recorded.origin().eventId()).isEqualTo(ValueWriter.eventId("feed-1", 1));

        IndicatorValue stored = reader.get(KEY.id());
        assertThat(stored.value()).isEqualTo(11.2);
        assertThat(stored.feedId()).isEqualTo("feed-1");
        assertThat(stored.revisions()).containsExactly(new Revision(11.2, null, "feed-1", 1, NOW));
    }

    @Test
    void theSameValueAgainChangesNothingAndAnnouncesNothing() {
        writer.record(List.of(proposal(KEY, 11.2, "feed-1", 1)));
        var again = one(writer.record(List.of(proposal(KEY, 11.2, "feed-2", 7))));

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.event()).isNull();
        assertThat(reader.get(KEY.id()).revisions()).hasSize(1);
        assertThat(reader.get(KEY.id()).feedId()).isEqualTo("feed-1");
    }

    @Test
    void aDifferentValueIsARevisionThatKeepsTheEarlierOneReadableAndCarriesOldAndNew() {
        writer.record(List.of(proposal(KEY, 11.2, "feed-1", 1)));
        var revised =
                one(writer.record(List.of(new ValueWriter.Proposal(KEY, new Observation(11.5, 40.0), "feed-2", 3))));

        assertThat(revised.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(revised.event().previousValue()).isEqualTo(11.2);
        assertThat(revised.event().value()).isEqualTo(11.5);
        assertThat(revised.event().absValue()).isEqualTo(40.0);
        assertThat(revised.origin().aggregateVersion()).isEqualTo(2);
        IndicatorValue stored = reader.get(KEY.id());
        assertThat(stored.value()).isEqualTo(11.5);
        assertThat(stored.revisions())
                .containsExactly(
                        new Revision(11.2, null, "feed-1", 1, NOW), new Revision(11.5, 40.0, "feed-2", 3, NOW));
    }

    @Test
    void replayingAFeedRowDerivesTheSameEventAgainWithoutWritingOrReverting() {
        var first = one(writer.record(List.of(proposal(KEY, 11.2, "feed-1", 1))));
        var second = one(writer.record(List.of(proposal(KEY, 11.5, "feed-2", 1))));

        var replayFirst = one(writer.record(List.of(proposal(KEY, 11.2, "feed-1", 1))));
        var replaySecond = one(writer.record(List.of(proposal(KEY, 11.5, "feed-2", 1))));

        assertThat(replayFirst).isEqualTo(first);
        assertThat(replaySecond).isEqualTo(second);
        IndicatorValue stored = reader.get(KEY.id());
        assertThat(stored.value()).as("not reverted").isEqualTo(11.5);
        assertThat(stored.revisions()).hasSize(2);
    }

    @Test
    void writesABatchOfNewAndChangedAndEqualValuesInOneGo() {
        List<ValueWriter.Proposal> first = IntStream.rangeClosed(1, 3000)
                .mapToObj(i -> proposal(new ValueKey(127, Integer.toString(i), 2020, Gender.TOTAL), i, "feed-1", i))
                .toList();
        assertThat(writer.record(first)).allMatch(r -> r.outcome() == Outcome.CHANGED);

        List<ValueWriter.Proposal> second = IntStream.rangeClosed(1, 3000)
                .mapToObj(i -> proposal(
                        new ValueKey(127, Integer.toString(i), 2020, Gender.TOTAL),
                        i % 2 == 0 ? i : i + 0.5,
                        "feed-2",
                        i))
                .toList();
        var recorded = writer.record(second);
        assertThat(recorded).filteredOn(r -> r.outcome() == Outcome.CHANGED).hasSize(1500);
        assertThat(recorded).filteredOn(r -> r.outcome() == Outcome.UNCHANGED).hasSize(1500);
        assertThat(reader.get("127:7:2020:total").revisions())
                .extracting(Revision::value)
                .containsExactly(7.0, 7.5);
    }

    @Test
    void concurrentBatchesOfTheSameValuesLoseNoRevisionAndNumberThemOnce() throws Exception {
        int writers = 6;
        List<ValueKey> keys = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> new ValueKey(4284, Integer.toString(i), 2021, Gender.FEMALE))
                .toList();
        var pool = Executors.newFixedThreadPool(writers);
        var start = new CountDownLatch(1);
        List<Future<List<ValueWriter.Recorded>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writerNumber = w;
            results.add(pool.submit(() -> {
                start.await();
                return writer.record(keys.stream()
                        .map(key -> proposal(key, 10 + writerNumber, "concurrent-" + writerNumber, 1))
                        .toList());
            }));
        }
        start.countDown();
        List<ValueWriter.Recorded> all = new ArrayList<>();
        for (var result : results) {
            all.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).allMatch(r -> r.outcome() == Outcome.CHANGED);
        for (ValueKey key : keys) {
            assertThat(reader.get(key.id()).revisions()).hasSize(writers);
            var ofKey = all.stream()
                    .filter(r -> r.origin().aggregateId().equals(key.id()))
                    .toList();
            assertThat(ofKey)
                    .extracting(r -> r.origin().aggregateVersion())
                    .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(ofKey).filteredOn(r -> r.event().previousValue() == null).hasSize(1);
        }
    }

    static ValueWriter.Proposal proposal(ValueKey key, double value, String feed, int row) {
        return new ValueWriter.Proposal(key, new Observation(value, null), feed, row);
    }

    static ValueWriter.Recorded one(List<ValueWriter.Recorded> recorded) {
        assertThat(recorded).hasSize(1);
        return recorded.getFirst();
    }

    /** Reads values back through Spring Data's mapping, as the series endpoints do. */
    record IndicatorValuesReader(MongoTemplate mongo) {
        IndicatorValue get(String id) {
            return mongo.findById(id, IndicatorValue.class);
        }
    }
}
