package fi.hyte.indicator.feed;

import static fi.hyte.indicator.feed.EventLog.ofFeed;
import static fi.hyte.indicator.feed.EventLog.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.indicator.value.IndicatorValue;
import fi.hyte.indicator.value.IndicatorValues;
import fi.hyte.indicator.value.Revision;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Feeds over real HTTP, stored in chunks of three rows and processed a chunk at a time on the Mongo-wire
 * server, their events read back from the real broker: rejections, malformed documents, revisions, and
 * re-processing after a crash at each point.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hyte.feeds.sweep-interval=1s", "hyte.feeds.chunk-rows=3"})
class FeedProcessingIT {

    static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "feed-processing-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IndicatorValues values;

    EventLog events;

    @BeforeEach
    void readEvents() {
        events = new EventLog("hyte.indicator.events");
    }

    @AfterEach
    void stopReading() {
        events.close();
    }

    @Test
    void rejectsEachBadRowWithItsNumberAndReasonAndAppliesTheGoodOnes() {
        String body = """
                [{"indicator": 4284, "regionCode": "092", "year": 2023, "gender": "total", "value": 1.5},
                 {"indicator": 999999, "regionCode": "092", "year": 2023, "gender": "total", "value": 1},
                 {"indicator": 4284, "region": 730, "year": 2023, "gender": "total", "value": 1},
                 {"indicator": 4284, "regionCode": "092", "year": 1989, "gender": "total", "value": 1},
                 {"indicator": 4284, "regionCode": "092", "year": 2023, "gender": "other", "value": 1},
                 {"indicator": 4284, "regionCode": "092", "year": 2022, "gender": "male", "value": "NaN"},
                 {"indicator": 4284, "regionCode": "092", "year": 2022, "gender": "female", "value": 1e309},
                 {"indicator": 4284, "regionCode": "092", "year": 2023, "gender": "total", "value": 2.5},
                 {"indicator": 4284, "regionCode": "HVA-4", "year": 2023, "gender": "total", "absValue": 7}]
                """;
        var submitted = post(body, MediaType.APPLICATION_JSON);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(submitted.getBody().get("rows").asInt()).isEqualTo(9);
        JsonNode feed = awaitProcessed(submitted.getBody().get("id").asString());

        assertThat(feed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(counts(feed)).containsExactly(9, 2, 2, 0, 7);
        Map<Integer, String> reasons = new java.util.TreeMap<>();
        feed.get("errors")
                .forEach(error -> reasons.put(
                        error.get("row").asInt(), error.get("reason").asString()));
        assertThat(reasons).containsOnlyKeys(2, 3, 4, 5, 6, 7, 8);
        assertThat(reasons.get(2)).isEqualTo("indicator: 999999 is not in the indicator catalogue");
        assertThat(reasons.get(3)).isEqualTo("region: Sotkanet region 730 is not in the region catalogue");
        assertThat(reasons.get(4)).startsWith("year: 1989 is outside 1990..");
        assertThat(reasons.get(5)).isEqualTo("gender: 'other' is not one of male, female, total");
        assertThat(reasons.get(6)).isEqualTo("value: 'NaN' is not a finite number");
        assertThat(reasons.get(7)).isEqualTo("value: '1e309' is not a finite number");
        assertThat(reasons.get(8))
                .as("a duplicate key in a later chunk")
                .isEqualTo("duplicate: an earlier row of the feed has 4284:092:2023:total");
        assertThat(values.findById("4284:092:2023:total").orElseThrow().value())
                .as("the first row of a key wins")
                .isEqualTo(1.5);
        assertThat(values.findById("4284:HVA-4:2023:total").orElseThrow().value())
                .isEqualTo(7.0);
    }

    @Test
    void refusesMalformedDocumentsWholeAndLeavesNothingBehind() {
        long feedsBefore = mongo.getCollection("feeds").countDocuments();
        long chunksBefore = mongo.getCollection("feed_chunks").countDocuments();
        var rows = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            rows.append(
                    "{\"indicator\": 4284, \"regionCode\": \"092\", \"year\": %d, \"gender\": \"total\", \"value\": 1},"
                            .formatted(1995 + i));
        }
        var broken = post(rows + "{\"indicator\": 4284, \"regionCode\": ", MediaType.APPLICATION_JSON);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(broken.getBody().get("detail").asString())
                .contains("not valid JSON")
                .contains("line 1");

        var headless = post("127;69;2009;total;2406;\n127;936;2009;total;27734;\n", TEXT_CSV);
        assertThat(headless.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(headless.getBody().get("field").asString()).isEqualTo("header");
        assertThat(headless.getBody().get("detail").asString()).contains("indicator;region;year;gender");

        var notAnArray = post("{\"indicator\": 4284}", MediaType.APPLICATION_JSON);
        assertThat(notAnArray.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAnArray.getBody().get("detail").asString()).contains("array of rows");

        assertThat(mongo.getCollection("feeds").countDocuments())
                .as("no feed left")
                .isEqualTo(feedsBefore);
        assertThat(mongo.getCollection("feed_chunks").countDocuments())
                .as("chunks already written are removed")
                .isEqualTo(chunksBefore);
    }

    @Test
    void aRevisionKeepsTheEarlierValueReadableWithItsFeedAndTimeAndAnnouncesOldAndNew() {
        String first =
                submitCsv("indicator;region;year;gender;primary value;absolute value\n4284;69;2020;male;5.5;12\n");
        awaitProcessed(first);
        String second = submitCsv("indicator;region;year;gender;primary value;absolute value\n4284;69;2020;male;;14\n");
        JsonNode revised = awaitProcessed(second);
        assertThat(counts(revised)).containsExactly(1, 1, 1, 0, 0);

        JsonNode event = events.awaitAtLeast(typed("indicator.updated").and(ofFeed(second)), 1, Duration.ofSeconds(30))
                .getFirst();
        assertThat(event.at("/payload/previousValue").asDouble()).isEqualTo(5.5);
        assertThat(event.at("/payload/value").asDouble()).isEqualTo(14.0);
        assertThat(event.at("/payload/absValue").asDouble()).isEqualTo(14.0);
        assertThat(event.get("aggregateVersion").asLong()).isEqualTo(2);

        IndicatorValue value =
                values.findById(event.get("aggregateId").asString()).orElseThrow();
        assertThat(value.value())
                .as("the absolute value stands in for a missing primary value")
                .isEqualTo(14.0);
        assertThat(value.revisions()).extracting(Revision::feedId).containsExactly(first, second);
        assertThat(value.revisions()).extracting(Revision::value).containsExactly(5.5, 14.0);
        assertThat(value.revisions().getFirst().at())
                .isBefore(value.revisions().getLast().at());
    }

    @Test
    void reprocessingAfterACrashBetweenValueWriteAndEventRecordEmitsEachEventOnceInEffect() {
        String feedId = submitCsv(sevenRows(2001));
        JsonNode done = awaitProcessed(feedId);
        assertThat(counts(done)).containsExactly(7, 7, 7, 0, 0);
        List<JsonNode> original =
                events.awaitAtLeast(typed("indicator.updated").and(ofFeed(feedId)), 7, Duration.ofSeconds(30));

        // as if the worker died after chunk 1's value write, before the chunk was saved with its events:
        // chunk 1 not done and without events, chunk 2 never processed, the feed held under a lapsed lease
        var chunk1 = Query.query(Criteria.where("_id").is(feedId + ":1"));
        mongo.updateFirst(chunk1, new Update().set("done", false).set("outbox", List.of()), "feed_chunks");
        var chunk2 = Query.query(Criteria.where("_id").is(feedId + ":2"));
        mongo.updateFirst(chunk2, new Update().set("done", false).set("outbox", List.of()), "feed_chunks");
        String row7 = original.stream()
                .filter(e -> e.at("/payload/year").asInt() == 2007)
                .findFirst()
                .orElseThrow()
                .get("aggregateId")
                .asString();
        mongo.getCollection("indicator_values").deleteOne(new Document("_id", row7));
        crashWhileProcessing(feedId);

        JsonNode again = awaitProcessed(feedId);
        assertThat(counts(again))
                .as("the replayed rows count as the changes they made")
                .containsExactly(7, 7, 7, 0, 0);
        assertThat(again.get("status").asString()).isEqualTo("COMPLETED");

        events.pollFor(Duration.ofSeconds(3));
        List<JsonNode> all = events.matching(typed("indicator.updated").and(ofFeed(feedId)));
        Map<String, List<JsonNode>> byId =
                all.stream().collect(Collectors.groupingBy(e -> e.get("id").asString()));
        assertThat(byId).as("one event id per changed row").hasSize(7);
        assertThat(byId.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        original.stream().map(e -> e.get("id").asString()).toList());
        byId.values()
                .forEach(copies -> assertThat(copies)
                        .as("a re-sent event is the same event")
                        .extracting(e -> e.get("aggregateVersion").asLong() + "/"
                                + e.at("/payload/value").asDouble() + "/" + e.at("/payload/previousValue"))
                        .containsOnly(copies.getFirst().get("aggregateVersion").asLong() + "/"
                                + copies.getFirst().at("/payload/value").asDouble() + "/"
                                + copies.getFirst().at("/payload/previousValue")));
        for (JsonNode event : original) {
            assertThat(values.findById(event.get("aggregateId").asString())
                            .orElseThrow()
                            .revisions())
                    .as("no revision written twice")
                    .hasSize(1);
        }
        assertThat(mongo.findById(feedId + ":1", FeedChunk.class).changed()).isEqualTo(3);
    }

    @Test
    void reprocessingAfterACrashBetweenTheLastChunkAndTheFeedsEndAddsNothing() {
        String feedId = submitCsv(sevenRows(2008));
        awaitProcessed(feedId);
        events.awaitAtLeast(typed("indicator.updated").and(ofFeed(feedId)), 7, Duration.ofSeconds(30));
        events.awaitAtLeast(
                typed("feed.completed")
                        .and(e -> feedId.equals(e.get("aggregateId").asString())),
                1,
                Duration.ofSeconds(30));

        crashWhileProcessing(feedId);
        JsonNode again = awaitProcessed(feedId);
        assertThat(counts(again)).as("counts summed again from the done chunks").containsExactly(7, 7, 7, 0, 0);

        events.pollFor(Duration.ofSeconds(3));
        assertThat(events.count(typed("indicator.updated").and(ofFeed(feedId))))
                .as("done chunks are not applied again")
                .isEqualTo(7);
    }

    /** The feed as a worker that died left it: PROCESSING, counts not yet written, lease lapsed. */
    private void crashWhileProcessing(String feedId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(feedId)),
                new Update()
                        .set("status", "PROCESSING")
                        .set("claim", "dead-worker")
                        .set("leaseUntil", Date.from(Instant.now().minusSeconds(1)))
                        .set("accepted", 0)
                        .set("changed", 0)
                        .set("unchanged", 0)
                        .set("rejected", 0)
                        .set("attempts", 1)
                        .unset("completedAt"),
                "feeds");
    }

    /** Seven CSV rows of indicator 127 in Sotkanet region 69, one a year: three chunks of three rows. */
    private static String sevenRows(int firstYear) {
        var csv = new StringBuilder("indicator;region;year;gender;primary value;absolute value\n");
        for (int i = 0; i < 7; i++) {
            csv.append("127;69;%d;total;%d;\n".formatted(firstYear + i, 100 + i));
        }
        return csv.toString();
    }

    private String submitCsv(String csv) {
        var response = post(csv, TEXT_CSV);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody().get("id").asString();
    }

    private ResponseEntity<JsonNode> post(String body, MediaType type) {
        return http().post()
                .uri("/api/indicator-feeds")
                .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                .contentType(type)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    private JsonNode awaitProcessed(String feedId) {
        JsonNode[] feed = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
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
        return new ArrayList<>(List.of(
                feed.get("rows").asInt(),
                feed.get("accepted").asInt(),
                feed.get("changed").asInt(),
                feed.get("unchanged").asInt(),
                feed.get("rejected").asInt()));
    }
}
