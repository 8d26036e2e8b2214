package fi.hyte.indicator.feed;

import static fi.hyte.indicator.feed.EventLog.ofFeed;
import static fi.hyte.indicator.feed.EventLog.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.indicator.value.IndicatorValues;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Rows written straight to {@code hyte.indicator.feeds}, as kcat or kafka-console-producer would. */
@SpringBootTest
class RawFeedTopicIT {

    static final String FEEDS = "hyte.indicator.feeds";
    static final String DLQ = "hyte.indicator.feeds.dlq";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "raw-feed-topic-it");
    }

    @Autowired
    IndicatorValues values;

    @Autowired
    RawFeedIntake intake;

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
    void appliesAcceptedRowsAndSendsEachRejectedRowToTheDeadLetterTopicWithItsReason() {
        String bootstrap = TestInfrastructure.kafkaBootstrap();
        Topics.publish(
                bootstrap,
                FEEDS,
                "vantaa",
                "{\"indicator\": 4284, \"regionCode\": \"092\", \"year\": 2019, \"gender\": \"total\", \"value\": 3.25}");
        Topics.publish(bootstrap, FEEDS, "vantaa", """
                [{"indicator": 4284, "regionCode": "092", "year": 2019, "gender": "male", "value": 2},
                 {"indicator": 4284, "regionCode": "092", "year": 2019, "gender": "other", "value": 2},
                 {"indicator": 4284, "regionCode": "092", "year": 2019, "gender": "male", "value": 3}]
                """);
        Topics.publish(bootstrap, FEEDS, "vantaa", "indicator;region;year");

        List<ConsumerRecord<String, String>> dead = Topics.read(bootstrap, DLQ, "vantaa", 3, Duration.ofSeconds(60));
        assertThat(dead).hasSize(3);
        assertThat(dead)
                .extracting(r -> header(r, RawFeedIntake.REASON))
                .containsExactlyInAnyOrder(
                        "gender: 'other' is not one of male, female, total",
                        "duplicate: an earlier row of the message has 4284:092:2019:male",
                        "The body is not valid JSON: "
                                + header(dead.get(2), RawFeedIntake.REASON).substring(28));
        var badGender = dead.stream()
                .filter(r -> header(r, RawFeedIntake.REASON).startsWith("gender"))
                .findFirst()
                .orElseThrow();
        assertThat(badGender.value()).contains("\"gender\":\"other\"");
        assertThat(header(badGender, RawFeedIntake.ROW)).isEqualTo("2");
        assertThat(header(badGender, RawFeedIntake.ORIGINAL_TOPIC)).isEqualTo(FEEDS);
        var unreadable = dead.stream()
                .filter(r -> r.headers().lastHeader(RawFeedIntake.ROW) == null)
                .findFirst()
                .orElseThrow();
        assertThat(unreadable.value()).as("the original message").isEqualTo("indicator;region;year");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> values.findById("4284:092:2019:male").isPresent()
                        && values.findById("4284:092:2019:total").isPresent());
        assertThat(values.findById("4284:092:2019:total").orElseThrow().value()).isEqualTo(3.25);
        assertThat(values.findById("4284:092:2019:male").orElseThrow().value())
                .as("the first row of a key in a message wins")
                .isEqualTo(2.0);
        List<JsonNode> updated = events.awaitAtLeast(
                typed("indicator.updated")
                        .and(e -> e.get("aggregateId").asString().startsWith("4284:092:2019")),
                2,
                Duration.ofSeconds(30));
        assertThat(updated).allSatisfy(e -> {
            assertThat(e.at("/payload/feedId").asString()).startsWith("kafka:hyte.indicator.feeds:");
            assertThat(e.get("actor").asString()).isEqualTo("kafka");
        });
    }

    @Test
    void aRedeliveredBatchChangesNothingAndDerivesTheSameEvents() {
        var origin = new RawFeedIntake.Origin(FEEDS, 2, 9_000_000L, "k".getBytes(StandardCharsets.UTF_8));
        byte[] row =
                "{\"indicator\": 4284, \"regionCode\": \"245\", \"year\": 2018, \"gender\": \"female\", \"value\": 8}"
                        .getBytes(StandardCharsets.UTF_8);

        intake.accept(List.of(row), List.of(origin));
        intake.accept(List.of(row), List.of(origin));

        assertThat(values.findById("4284:245:2018:female").orElseThrow().revisions())
                .hasSize(1);
        List<JsonNode> announced =
                events.awaitAtLeast(typed("indicator.updated").and(ofFeed(origin.feedId())), 1, Duration.ofSeconds(30));
        events.pollFor(Duration.ofSeconds(2));
        assertThat(events.matching(typed("indicator.updated").and(ofFeed(origin.feedId()))))
                .extracting(e -> e.get("id").asString())
                .containsOnly(announced.getFirst().get("id").asString());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
