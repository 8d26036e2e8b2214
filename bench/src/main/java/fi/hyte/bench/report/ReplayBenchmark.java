package fi.hyte.bench.report;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import fi.hyte.bench.Result;
import fi.hyte.bench.stack.BenchStack;
import fi.hyte.bench.stack.ReportLag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * G3: rebuild report-service's read models by replaying every event topic from the beginning, as the README's replay
 * procedure does (stop report-service, drop its read-model collections, delete its consumer group's offsets, start
 * it), timed from its start until its consumer group has no lag; the rebuilt read models must hash the same as the
 * live ones. The baseline: one raw consumer reading the same topics from beginning to end.
 */
public final class ReplayBenchmark {

    private static final List<String> TOPICS = ReportLag.TOPICS;
    private static final String GROUP = ReportLag.GROUP;

    private final BenchStack stack;
    private final Set<String> readModels;

    /** {@code readModels}: report-service's collections that replay rebuilds (not its own published state). */
    public ReplayBenchmark(BenchStack stack, Set<String> readModels) {
        this.stack = stack;
        this.readModels = readModels;
    }

    public Result run() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
                MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            MongoDatabase report = mongo.getDatabase("hyte-report");
            ReportLag.await(admin, Duration.ofMinutes(30));
            String live = hash(report);
            long events = ReportLag.endOffsets(admin).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();

            double raw = rawRead(events);

            stack.launcher().stop("report-service");
            for (String collection : readModels) {
                report.getCollection(collection).drop();
            }
            admin.deleteConsumerGroups(List.of(GROUP)).all().get();
            stack.launcher().start("report-service");
            long start = System.nanoTime();
            stack.launcher().awaitHealthy("report-service", Duration.ofMinutes(3));
            long healthy = System.nanoTime();
            ReportLag.await(admin, Duration.ofMinutes(60));
            long caughtUp = System.nanoTime();
            double replay = (caughtUp - start) / 1e9;
            // the consumers start with the service, so part of the replay may happen before it reports healthy
            double afterHealthy = (caughtUp - healthy) / 1e9;
            String rebuilt = hash(report);

            double ratio = raw / replay;
            return new Result(
                    "G3 replay",
                    "%,d events, s".formatted(events),
                    replay,
                    raw,
                    ratio,
                    ">= 0.3x raw read, identical hash",
                    ratio >= 0.3 && live.equals(rebuilt),
                    String.format(
                            Locale.ROOT,
                            "%,.0f events/s (raw read %,.0f/s); read models %s: hash %s live, %s rebuilt (%s); includes report-service start (%.2f s of it after report-service was healthy)",
                            events / replay,
                            events / raw,
                            readModels,
                            live.substring(0, 12),
                            rebuilt.substring(0, 12),
                            live.equals(rebuilt) ? "identical" : "DIFFERENT",
                            afterHealthy));
        }
    }

    /**
     * SHA-256 over the read-model collections, each in id order, each document as canonical JSON (keys sorted at
     * every level, as report-service's own {@code ReadModels.contentHash}: the order in which a document's fields
     * were first written depends on how the partitions interleaved, not on the content).
     */
    private String hash(MongoDatabase database) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String collection : new TreeSet<>(readModels)) {
            digest.update(("\u0000" + collection + "\u0000").getBytes(StandardCharsets.UTF_8));
            for (Document document : database.getCollection(collection).find().sort(Sorts.ascending("_id"))) {
                digest.update(sorted(document).toJson(CANONICAL).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private static Document sorted(Document document) {
        var sorted = new Document();
        new TreeMap<>(document).forEach((key, value) -> sorted.put(key, sortedValue(value)));
        return sorted;
    }

    private static Object sortedValue(Object value) {
        if (value instanceof Document nested) {
            return sorted(nested);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(sortedValue(item)));
            return copy;
        }
        return value;
    }

    /** Seconds for one consumer to read every record of the topics, deserialising keys and values. */
    private double rawRead(long events) {
        try (var consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrap(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new StringDeserializer(),
                new StringDeserializer())) {
            var partitions = new ArrayList<TopicPartition>();
            TOPICS.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long read = 0;
            long bytes = 0;
            while (read < events) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    bytes += record.value() == null ? 0 : record.value().length();
                }
            }
            return bytes >= 0 ? (System.nanoTime() - start) / 1e9 : 0;
        }
    }
}
