package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.indicator.value.IndicatorValues;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Indicator feeds over real HTTP with real JWTs, processed into values on the Mongo-wire server, their
 * events read back from a real Kafka broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hyte.feeds.sweep-interval=1s")
class IndicatorFeedIT {

    static final String TOPIC = "hyte.indicator.events";
    static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "indicator-feed-it");
    }

    /** The topic exists with the binder's partition count before anyone reads it. */
    @BeforeAll
    static void createTopic() throws InterruptedException {
        var config =
                Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        try (var admin = AdminClient.create(config)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    IndicatorValues values;

    @Autowired
    MongoTemplate mongo;

    EventLog events;

    @BeforeEach
    void readEvents() {
        events = new EventLog();
    }

    @AfterEach
    void stopReading() {
        events.close();
    }

    RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void aFeedRowBecomesAValueAnnouncedOnlyWhenItReallyChanges() {
        String valueId = "4284:HVA-4:2024:total";
        var row = Map.of("indicator", 4284, "regionCode", "HVA-4", "year", 2024, "gender", "total", "value", 11.2);

        ResponseEntity<JsonNode> submitted = postJson(List.of(row), TestTokens.integrator());
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String feedId = submitted.getBody().get("id").asString();
        assertThat(submitted.getHeaders().getLocation()).hasToString("/api/indicator-feeds/" + feedId);
        assertThat(submitted.getBody().get("rows").asInt()).isEqualTo(1);

        JsonNode first = awaitProcessed(feedId);
        assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(counts(first)).containsExactly(1, 1, 1, 0, 0);

        JsonNode updated = events.awaitAtLeast(keyed(valueId).and(typed("indicator.updated")), 1)
                .getFirst();
        assertThat(updated.get("aggregateId").asString()).isEqualTo(valueId);
        assertThat(updated.get("region").asString()).isEqualTo("HVA-4");
        assertThat(updated.get("actor").asString()).isEqualTo("integrator");
        assertThat(updated.get("correlationId").asString())
                .isEqualTo(submitted.getHeaders().getFirst("X-Correlation-Id"));
        JsonNode payload = updated.get("payload");
        assertThat(payload.get("indicator").asInt()).isEqualTo(4284);
        assertThat(payload.get("region").asString()).isEqualTo("HVA-4");
        assertThat(payload.get("year").asInt()).isEqualTo(2024);
        assertThat(payload.get("gender").asString()).isEqualTo("total");
        assertThat(payload.get("value").asDouble()).isEqualTo(11.2);
        assertThat(payload.get("previousValue").isNull()).isTrue();
        assertThat(payload.get("feedId").asString()).isEqualTo(feedId);
        events.awaitAtLeast(keyed(feedId).and(typed("feed.accepted")), 1);
        JsonNode completed = events.awaitAtLeast(keyed(feedId).and(typed("feed.completed")), 1)
                .getFirst();
        assertThat(completed.at("/payload/changed").asInt()).isEqualTo(1);

        String again = postJson(List.of(row), TestTokens.integrator())
                .getBody()
                .get("id")
                .asString();
        JsonNode second = awaitProcessed(again);
        assertThat(second.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(counts(second)).containsExactly(1, 1, 0, 1, 0);
        events.awaitAtLeast(keyed(again).and(typed("feed.completed")), 1);
        events.pollFor(Duration.ofSeconds(2));
        assertThat(events.count(keyed(valueId)))
                .as("events of the unchanged value")
                .isEqualTo(1);

        var revised = Map.of("indicator", 4284, "region", 977, "year", 2024, "gender", "total", "value", 11.5);
        String revision = postJson(List.of(revised), TestTokens.integrator())
                .getBody()
                .get("id")
                .asString();
        assertThat(counts(awaitProcessed(revision))).containsExactly(1, 1, 1, 0, 0);
        List<JsonNode> valueEvents = events.awaitAtLeast(keyed(valueId), 2);
        JsonNode revisedEvent = valueEvents.get(1);
        assertThat(revisedEvent.get("aggregateVersion").asLong()).isEqualTo(2);
        assertThat(revisedEvent.at("/payload/value").asDouble()).isEqualTo(11.5);
        assertThat(revisedEvent.at("/payload/previousValue").asDouble()).isEqualTo(11.2);
        assertThat(revisedEvent.at("/payload/feedId").asString()).isEqualTo(revision);

        var series = http().get()
                .uri("/api/indicators/4284/values?region=HVA-4")
                .headers(h -> h.setBearerAuth(TestTokens.viewer("HVA-4")))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(series.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(series.getBody().get("gender").asString()).isEqualTo("total");
        assertThat(series.getBody().get("values")).hasSize(1);
        assertThat(series.getBody().at("/values/0/year").asInt()).isEqualTo(2024);
        assertThat(series.getBody().at("/values/0/value").asDouble()).isEqualTo(11.5);

        var badGender = http().get()
                .uri("/api/indicators/4284/values?region=HVA-4&gender=other")
                .headers(h -> h.setBearerAuth(TestTokens.viewer("HVA-4")))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(badGender.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badGender.getBody().get("field").asString()).isEqualTo("gender");
    }

    @Test
    void theRealSotkanetCsvCompletesWithEveryRowAcceptedOrRejected() throws IOException {
        String csv =
                new ClassPathResource("sotkanet/SotkaIndicatorData.csv").getContentAsString(StandardCharsets.UTF_8);
        var submitted = http().post()
                .uri("/api/indicator-feeds")
                .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                .contentType(TEXT_CSV)
                .body(csv)
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(submitted.getBody().get("format").asString()).isEqualTo("CSV");

        JsonNode feed = awaitProcessed(submitted.getBody().get("id").asString());
        assertThat(feed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(feed.get("rows").asInt()).isEqualTo(466);
        assertThat(feed.get("accepted").asInt() + feed.get("rejected").asInt()).isEqualTo(466);
        assertThat(feed.get("rejected").asInt()).isEqualTo(3);
        assertThat(feed.get("errors").findValuesAsString("reason"))
                .contains("region: Sotkanet region 730 is not in the region catalogue");

        // Sotkanet's region 658 is the whole country
        var country = http().get()
                .uri("/api/indicators/127/values?region=MAA-358&from=2009&to=2009")
                .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(country.getBody().at("/values/0/value").asDouble()).isEqualTo(5_351_427);
    }

    @Test
    void aRowWithAnUnknownGenderIsRejectedNamingTheGender() {
        var row = Map.of("indicator", 4284, "regionCode", "092", "year", 2023, "gender", "other", "value", 9.1);
        String feedId = postJson(List.of(row), TestTokens.integrator())
                .getBody()
                .get("id")
                .asString();

        JsonNode feed = awaitProcessed(feedId);
        assertThat(feed.get("status").asString()).isEqualTo("FAILED");
        assertThat(counts(feed)).containsExactly(1, 0, 0, 0, 1);
        assertThat(feed.at("/errors/0/row").asInt()).isEqualTo(1);
        assertThat(feed.at("/errors/0/reason").asString()).startsWith("gender:").contains("'other'");
        JsonNode rejected = events.awaitAtLeast(keyed(feedId).and(typed("feed.rejected")), 1)
                .getFirst();
        assertThat(rejected.at("/payload/errors/0/reason").asString()).startsWith("gender:");
    }

    @Test
    void onlyIntegratorsSubmitFeeds() {
        var row = Map.of("indicator", 4284, "regionCode", "092", "year", 2023, "gender", "total", "value", 9.1);
        var asViewer = postJson(List.of(row), TestTokens.viewer("HVA-4"));
        assertThat(asViewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asViewer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        var anonymous = http().post()
                .uri("/api/indicator-feeds")
                .contentType(MediaType.APPLICATION_JSON)
                .body(List.of(row))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesMalformedJsonWithProblemJson() {
        var response = http().post()
                .uri("/api/indicator-feeds")
                .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                .contentType(MediaType.APPLICATION_JSON)
                .body("[{\"indicator\": 4284, \"regionCode\": ")
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asString()).contains("not valid JSON");

        var empty = postJson(List.of(), TestTokens.integrator());
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().get("detail").asString()).contains("no rows");
    }

    @Test
    void servesTheCataloguesToEveryRole() {
        var county = http().get()
                .uri("/api/regions/HVA-4")
                .headers(h -> h.setBearerAuth(TestTokens.owner("vantaa", "HVA-4")))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(county.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(county.getBody().get("sotkanetId").asInt()).isEqualTo(977);
        assertThat(county.getBody().get("category").asString()).isEqualTo("WELLBEING_COUNTY");
        assertThat(county.getBody().at("/name/fi").asString()).isEqualTo("Vantaan ja Keravan hyvinvointialue");

        var counties = http().get()
                .uri("/api/regions?category=WELLBEING_COUNTY")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("HVA-4")))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(counties.getBody()).hasSize(23);

        var lonely = http().get()
                .uri("/api/indicators?q=lonely&size=5")
                .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(lonely.getBody().get("totalElements").asInt()).isEqualTo(7);
        assertThat(lonely.getBody().get("content")).hasSize(5);

        var obesity = http().get()
                .uri("/api/indicators/716")
                .headers(h -> h.setBearerAuth(TestTokens.viewer("HVA-4")))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(obesity.getBody().at("/title/fi").asString()).startsWith("Lihavia (BMI≥30 kg/m2)");

        var unknown = http().get()
                .uri("/api/regions/XYZ")
                .headers(h -> h.setBearerAuth(TestTokens.viewer("HVA-4")))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void concurrentFeedsOfOneValueAreRetriedAndNoneIsLost() throws Exception {
        String valueId = "4284:245:2021:female";
        int writers = 8;
        var pool = Executors.newFixedThreadPool(writers);
        var start = new CountDownLatch(1);
        var submitted = new ArrayList<Future<String>>();
        for (int i = 0; i < writers; i++) {
            var row = Map.of("indicator", 4284, "regionCode", "245", "year", 2021, "gender", "female", "value", 10 + i);
            submitted.add(pool.submit(() -> {
                start.await();
                return postJson(List.of(row), TestTokens.integrator())
                        .getBody()
                        .get("id")
                        .asString();
            }));
        }
        start.countDown();
        for (var feed : submitted) {
            assertThat(counts(awaitProcessed(feed.get(30, TimeUnit.SECONDS)))).containsExactly(1, 1, 1, 0, 0);
        }
        pool.shutdown();

        assertThat(values.findById(valueId).orElseThrow().revisions()).hasSize(writers);
        List<JsonNode> announced = events.awaitAtLeast(keyed(valueId), writers);
        assertThat(announced)
                .extracting(e -> e.get("aggregateVersion").asLong())
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(announced)
                .filteredOn(e -> e.at("/payload/previousValue").isNull())
                .hasSize(1);
    }

    @Test
    void aFeedWhoseWorkerDiedIsTakenUpAgainOnceItsLeaseLapses() {
        Instant now = Instant.now();
        mongo.insert(abandonedFeed("abandoned", now.minusSeconds(60)), "feeds");
        mongo.insert(chunk("abandoned", "245"), "feed_chunks");
        mongo.insert(abandonedFeed("still-held", now.plusSeconds(600)), "feeds");
        mongo.insert(chunk("still-held", "092"), "feed_chunks");

        JsonNode taken = awaitProcessed("abandoned");
        assertThat(taken.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(counts(taken)).containsExactly(1, 1, 1, 0, 0);
        events.awaitAtLeast(keyed("abandoned").and(typed("feed.completed")), 1);

        var held = http().get()
                .uri("/api/indicator-feeds/still-held")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("HVA-4")))
                .retrieve()
                .body(JsonNode.class);
        assertThat(held.get("status").asString()).isEqualTo("PROCESSING");
    }

    /** A feed as a worker that then died left it: claimed, its lease running out at {@code leaseUntil}. */
    private static Document abandonedFeed(String id, Instant leaseUntil) {
        return new Document("_id", id)
                .append("format", "JSON")
                .append("submittedBy", "integrator")
                .append("correlationId", "recovery-" + id)
                .append("receivedAt", Date.from(leaseUntil.minusSeconds(300)))
                .append("rows", 1)
                .append("chunks", 1)
                .append("status", "PROCESSING")
                .append("attempts", 1)
                .append("claim", "dead-worker")
                .append("leaseUntil", Date.from(leaseUntil))
                .append("accepted", 0)
                .append("changed", 0)
                .append("unchanged", 0)
                .append("rejected", 0)
                .append("errors", List.of())
                .append("version", 1L)
                .append("revision", 1L)
                .append("outbox", List.of());
    }

    /** The one chunk of such a feed, not yet processed. */
    private static Document chunk(String feedId, String regionCode) {
        // [row, indicator, region, regionCode, year, gender, value, absValue, unreadable]
        var row = java.util.Arrays.asList("1", "4284", null, regionCode, "2022", "total", "8.5", null, null);
        return new Document("_id", feedId + ":0")
                .append("feedId", feedId)
                .append("seq", 0)
                .append("rows", List.of(row))
                .append("done", false)
                .append("changed", 0)
                .append("unchanged", 0)
                .append("rejected", 0)
                .append("errors", List.of())
                .append("version", 0L)
                .append("revision", 0L)
                .append("outbox", List.of());
    }

    private ResponseEntity<JsonNode> postJson(Object rows, String token) {
        return http().post()
                .uri("/api/indicator-feeds")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(rows)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode awaitProcessed(String feedId) {
        JsonNode[] feed = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    feed[0] = http().get()
                            .uri("/api/indicator-feeds/{id}", feedId)
                            .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                            .retrieve()
                            .body(JsonNode.class);
                    String status = feed[0].get("status").asString();
                    return status.equals("COMPLETED") || status.equals("FAILED");
                });
        return feed[0];
    }

    /** rows, accepted, changed, unchanged, rejected */
    private static List<Integer> counts(JsonNode feed) {
        return List.of(
                feed.get("rows").asInt(),
                feed.get("accepted").asInt(),
                feed.get("changed").asInt(),
                feed.get("unchanged").asInt(),
                feed.get("rejected").asInt());
    }

    private static Predicate<JsonNode> keyed(String aggregateId) {
        return event -> aggregateId.equals(event.get("aggregateId").asString());
    }

    private static Predicate<JsonNode> typed(String type) {
        return event -> type.equals(event.get("type").asString());
    }

    /** Everything on the events topic since the beginning, read by partition without a consumer group. */
    class EventLog implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<JsonNode> seen = new ArrayList<>();

        EventLog() {
            var properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
            properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
            var partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void poll() {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                JsonNode event = json.readTree(record.value());
                assertThat(record.key()).isEqualTo(event.get("aggregateId").asString());
                seen.add(event);
            }
        }

        void pollFor(Duration duration) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                poll();
            }
        }

        /** The matching events, once at least {@code count} have arrived. */
        List<JsonNode> awaitAtLeast(Predicate<JsonNode> match, int count) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll();
                return count(match) >= count;
            });
            return seen.stream().filter(match).toList();
        }

        long count(Predicate<JsonNode> match) {
            return seen.stream().filter(match).count();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
