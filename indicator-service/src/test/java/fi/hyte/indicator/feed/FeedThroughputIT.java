package fi.hyte.indicator.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.InsertManyOptions;
import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.region.Region;
import fi.hyte.indicator.region.Regions;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * How long a 100,000-row feed takes end to end in this JVM: streamed in over HTTP, processed, and every
 * {@code indicator.updated} acknowledged by the broker and removed from the outbox. Prints the figures and a
 * raw unordered {@code insertMany} of the same rows into the same Mongo-wire server for comparison; asserts
 * only that the feed completed with every row changed (timing is for reading, not a pass mark).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedThroughputIT {

    static final int ROWS = 100_000;

    @org.springframework.test.context.DynamicPropertySource
    static void infrastructure(org.springframework.test.context.DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "feed-throughput-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Regions regions;

    @Autowired
    Indicators indicators;

    /** {@value #ROWS} valid Sotkanet CSV rows with distinct keys: indicators x 300 regions x 35 years. */
    private String csv() {
        List<Integer> regionIds =
                regions.all().stream().map(Region::sotkanetId).limit(300).toList();
        List<Integer> indicatorIds = indicators.ids();
        var csv = new StringBuilder("indicator;region;year;gender;primary value;absolute value\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(indicatorIds.get(i / (300 * 35)))
                    .append(';')
                    .append(regionIds.get((i / 35) % 300))
                    .append(';')
                    .append(1990 + i % 35)
                    .append(";total;")
                    .append(i % 1000)
                    .append(".5;\n");
        }
        return csv.toString();
    }

    @Test
    void aHundredThousandRowFeedEndToEnd() {
        var http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new SimpleClientHttpRequestFactory())
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        long start = System.nanoTime();
        var submitted = http.post()
                .uri("/api/indicator-feeds")
                .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                .contentType(MediaType.valueOf("text/csv"))
                .body(csv())
                .retrieve()
                .toEntity(JsonNode.class);
        long accepted = System.nanoTime();
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String feedId = submitted.getBody().get("id").asString();

        JsonNode[] feed = new JsonNode[1];
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    feed[0] = http.get()
                            .uri("/api/indicator-feeds/{id}", feedId)
                            .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                            .retrieve()
                            .body(JsonNode.class);
                    return feed[0].get("status").asString().equals("COMPLETED");
                });
        long processed = System.nanoTime();
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> mongo.getCollection("feed_chunks")
                                .countDocuments(new Document("feedId", feedId)
                                        .append("outbox.0", new Document("$exists", true)))
                        == 0);
        long relayed = System.nanoTime();
        assertThat(feed[0].get("changed").asInt()).isEqualTo(ROWS);

        double raw = rawInsertMany();
        double total = seconds(relayed - start);
        System.out.printf(
                "%nFEED THROUGHPUT (%,d rows, in-process, Mongo-wire in memory): intake (HTTP 202) %.1f s,"
                        + " processed %.1f s, events relayed %.1f s; total %.1f s = %,.0f rows/s."
                        + " Raw unordered insertMany of the same rows: %.1f s = %,.0f rows/s; ratio %.2fx%n%n",
                ROWS,
                seconds(accepted - start),
                seconds(processed - start),
                seconds(relayed - start),
                total,
                ROWS / total,
                raw,
                ROWS / raw,
                total / raw);
    }

    /** The same rows as documents, inserted unordered in batches as a bulk loader would. */
    private double rawInsertMany() {
        var collection = mongo.getCollection("raw_insert_many");
        long start = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            batch.add(new Document("_id", "%d:%d:%d:total".formatted(127 + i % 50, i % 300, 1990 + i % 35) + ":" + i)
                    .append("indicator", 127 + i % 50)
                    .append("region", Integer.toString(i % 300))
                    .append("year", 1990 + i % 35)
                    .append("gender", "total")
                    .append("value", i + 0.5)
                    .append("updatedAt", new Date()));
            if (batch.size() == 10_000) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        }
        return seconds(System.nanoTime() - start);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
