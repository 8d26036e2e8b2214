package fi.hyte.report;

import static fi.hyte.report.Events.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.report.projection.Generation;
import fi.hyte.report.projection.SeriesModel;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consumers take a poll's records as one batch: a batch holding a redelivered event and a record that is not
 * an event in its middle gives the same read model as the events alone, logs every event once, and leaves exactly one
 * dead letter (from the read models' consumer, not one per consumer group).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchConsumptionIT {

    static final String GROUP = "batch-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "batch-it");
        registry.add("REPORT_CONSUMER_GROUP", () -> GROUP);
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Generation generation;

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void aPoisonRecordAndARedeliveryInTheMiddleOfABatchLeaveTheRestOfItApplied() {
        String county = Events.randomCounty();
        int indicator = 700_000 + (int) (Math.random() * 99_999);
        // one key, so that the records are on one partition in this order and one poll takes them all
        String key = "batch-" + UUID.randomUUID();
        String first = value(indicator, county, 2025, 11.0, 1);
        String poison = "{\"not\":\"an event\"";
        String second = value(indicator, county, 2026, 9.5, 1);
        String revised = value(indicator, county, 2025, 10.5, 2);

        bindings.stop("indicatorEvents-in-0");
        long before = generation.current();
        for (String record : new String[] {first, first, poison, second, revised}) {
            Events.indicator(key, record);
        }
        bindings.start("indicatorEvents-in-0");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    var series =
                            mongo.findById(SeriesModel.id(indicator, county), Document.class, SeriesModel.COLLECTION);
                    assertThat(series).isNotNull();
                    var points = series.get("points", Document.class);
                    assertThat(SeriesModel.latest(points.get("total_2025", Document.class)))
                            .isEqualTo(10.5);
                    assertThat(SeriesModel.latest(points.get("total_2026", Document.class)))
                            .isEqualTo(9.5);
                });
        // once per batch; the binding may take the five records in one poll or in two
        assertThat(generation.current() - before)
                .as("the report cache's generation advanced")
                .isBetween(1L, 2L);

        // the live log has the three events once each (the redelivery is left out)
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(mongo.count(
                                Query.query(Criteria.where("envelope").regex(county)), "event_log"))
                        .isEqualTo(3));

        var deadLetters = Topics.read(
                TestInfrastructure.kafkaBootstrap(), "hyte.report-service.dlq", key, 1, Duration.ofSeconds(60));
        assertThat(deadLetters.getFirst().value()).isEqualTo(poison);
        assertThat(header(deadLetters.getFirst(), "x-consumer")).isEqualTo("indicatorEvents");
        assertThat(header(deadLetters.getFirst(), "x-original-topic")).isEqualTo("hyte.indicator.events");
        assertThat(header(deadLetters.getFirst(), "x-exception-message")).contains("not a Hyte event envelope");
        assertThat(Topics.count(
                        TestInfrastructure.kafkaBootstrap(), "hyte.report-service.dlq", key, Duration.ofSeconds(3)))
                .as("one dead letter, not one per consumer group that read the record")
                .isEqualTo(1);
    }

    /**
     * Prints how fast values reach the read model and the live log, against a raw unordered bulk upsert of the same
     * keys into the same server; a figure, not a check (the machine may be busy).
     */
    @Test
    void valuesPerSecondIntoTheReadModel() throws Exception {
        String county = Events.randomCounty();
        int indicators = 20;
        int years = 50;
        int versions = 5;
        int base = 800_000 + (int) (Math.random() * 90_000);
        int total = indicators * years * versions;
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        long start;
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            start = System.nanoTime();
            for (int version = 1; version <= versions; version++) {
                for (int i = 0; i < indicators; i++) {
                    for (int year = 1970; year < 1970 + years; year++) {
                        String id = (base + i) + ":" + county + ":" + year + ":total";
                        producer.send(new ProducerRecord<>(
                                "hyte.indicator.events", id, value(base + i, county, year, year + version, version)));
                    }
                }
            }
            producer.flush();
        }
        var logged = Query.query(Criteria.where("region").is(county));
        double readModel = 0;
        double liveLog = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while ((readModel == 0 || liveLog == 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (readModel == 0 && allPoints(county, base, indicators, years, versions)) {
                readModel = (System.nanoTime() - start) / 1e9;
            }
            if (liveLog == 0 && mongo.count(logged, "event_log") >= total) {
                liveLog = (System.nanoTime() - start) / 1e9;
            }
        }
        assertThat(readModel).as("every value reached the read model").isPositive();

        // the baseline: the same keys (value id and version) upserted by one unordered bulk write, no Kafka
        var raw = new ArrayList<com.mongodb.client.model.WriteModel<Document>>();
        for (int version = 1; version <= versions; version++) {
            for (int i = 0; i < indicators; i++) {
                for (int year = 1970; year < 1970 + years; year++) {
                    String id = (base + i) + ":" + county + ":" + year + ":total";
                    raw.add(new com.mongodb.client.model.UpdateOneModel<>(
                            new Document("_id", id),
                            new Document("$set", new Document("value", year + version).append("version", version)),
                            new com.mongodb.client.model.UpdateOptions().upsert(true)));
                }
            }
        }
        long rawStart = System.nanoTime();
        mongo.getCollection("raw_baseline_" + base)
                .bulkWrite(raw, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        mongo.dropCollection("raw_baseline_" + base);
        System.out.printf(
                "BatchConsumptionIT: %,d indicator.updated events published at once: into the read model in %.2f s"
                        + " (%,.0f events/s), into the live log in %.2f s (%,.0f events/s); raw unordered bulk upsert"
                        + " of the same keys %.2f s (%,.0f/s): read model %.2fx raw%n",
                total,
                readModel,
                total / readModel,
                liveLog,
                liveLog == 0 ? 0 : total / liveLog,
                rawSeconds,
                total / rawSeconds,
                rawSeconds / readModel);
    }

    private boolean allPoints(String county, int base, int indicators, int years, int versions) {
        for (int i = 0; i < indicators; i++) {
            var series = mongo.findById(SeriesModel.id(base + i, county), Document.class, SeriesModel.COLLECTION);
            if (series == null) {
                return false;
            }
            var points = series.get("points", Document.class);
            for (int year = 1970; year < 1970 + years; year++) {
                var atYear = points.get("total_" + year, Document.class);
                if (atYear == null || atYear.size() < versions) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String value(int indicator, String region, int year, double value, long version) {
        String id = indicator + ":" + region + ":" + year + ":total";
        // occurring now: the live log keeps only what is younger than its retention
        return envelope(
                "indicator.updated",
                id,
                version,
                region,
                """
                {"valueId":"%s","indicator":%d,"region":"%s","year":%d,"gender":"total","value":%s,\
                "absValue":null,"previousValue":null,"feedId":"feed"}""".formatted(id, indicator, region, year, value),
                Instant.now());
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
