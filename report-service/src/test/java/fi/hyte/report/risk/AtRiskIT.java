package fi.hyte.report.risk;

import static fi.hyte.report.live.Envelopes.envelope;
import static fi.hyte.report.live.Envelopes.indicatorUpdated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.report.live.Envelopes;
import fi.hyte.report.live.SseClient;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** goal.at-risk from recorded producer events, over real Kafka, the Mongo-wire server and HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AtRiskIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper json = JsonMapper.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "at-risk-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aValueMovingAgainstAnApprovedGoalRaisesGoalAtRiskOnceForTheOwnersOfItsActions() throws Exception {
        String region = Envelopes.region("HVA");
        String planId = UUID.randomUUID().toString();
        String goalId = UUID.randomUUID().toString();
        publish(
                "hyte.plan.events",
                planId,
                envelope(UUID.randomUUID().toString(), "goal.approved", planId, 4, region, """
                {"planId":"%s","goalId":"%s","region":"%s","termStart":2026,"termEnd":2029,
                 "goal":{"title":"Yksinäisyyden kokemus vähenee","ageGroup":"CHILDREN_AND_YOUTH","riskGroups":[],
                  "measures":[{"indicator":4284,"region":"%s","gender":"total","baseline":{"year":2023,"value":12.5},
                   "target":{"year":2029,"value":9.0},"direction":"DECREASE"}]}}""".formatted(
                                planId, goalId, region, region)
                        .replace("\n", "")));
        for (String organisation : new String[] {"vantaa", "hus"}) {
            String actionId = UUID.randomUUID().toString();
            publish(
                    "hyte.action.events",
                    actionId,
                    envelope(UUID.randomUUID().toString(), "action.planned", actionId, 1, region, """
                    {"actionId":"%s","goalId":"%s","organisation":"%s","status":"PLANNED"}""".formatted(
                                    actionId, goalId, organisation)));
        }
        await().atMost(WAIT)
                .until(() -> mongo.count(Query.query(Criteria.where("goalId").is(goalId)), GoalAction.class) == 2
                        && mongo.exists(Query.query(Criteria.where("_id").is(goalId)), WatchedGoal.class));

        try (var stream = SseClient.open(
                "http://localhost:" + port + "/api/events?region=" + region, TestTokens.viewer("HVA-4"), null)) {
            String rise = UUID.randomUUID().toString();
            String event = indicatorUpdated(rise, 4284, region, 2025, 12.0, 11.2);
            for (int delivery = 0; delivery < 3; delivery++) {
                publish("hyte.indicator.events", "4284:" + region + ":2025:total", event);
            }
            String key = AtRiskAlert.idOf(goalId, rise);
            var alerts = Topics.read(TestInfrastructure.kafkaBootstrap(), "hyte.report.events", key, 1, WAIT);
            JsonNode alert = json.readTree(alerts.getFirst().value());
            assertThat(alert.get("type").asString()).isEqualTo("goal.at-risk");
            assertThat(alert.get("region").asString()).isEqualTo(region);
            assertThat(alert.at("/payload/goalId").asString()).isEqualTo(goalId);
            assertThat(alert.at("/payload/planId").asString()).isEqualTo(planId);
            assertThat(alert.at("/payload/measure/indicator").asInt()).isEqualTo(4284);
            assertThat(alert.at("/payload/measure/year").asInt()).isEqualTo(2025);
            assertThat(alert.at("/payload/previousValue").asDouble()).isEqualTo(11.2);
            assertThat(alert.at("/payload/value").asDouble()).isEqualTo(12.0);
            assertThat(alert.at("/payload/direction").asString()).isEqualTo("DECREASE");
            assertThat(alert.at("/payload/owners").toString()).isEqualTo("[\"hus\",\"vantaa\"]");
            assertThat(Topics.count(
                            TestInfrastructure.kafkaBootstrap(), "hyte.report.events", key, Duration.ofSeconds(3)))
                    .as("three deliveries of the triggering event, one alert")
                    .isEqualTo(1);

            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode markers = atRisk(region);
                assertThat(markers).hasSize(1);
                assertThat(markers.get(0).get("goalId").asString()).isEqualTo(goalId);
                assertThat(markers.get(0).at("/alert/value").asDouble()).isEqualTo(12.0);
            });
            SseClient.Event streamed;
            do {
                streamed = stream.next(WAIT);
            } while (streamed != null && !streamed.type().equals("goal.at-risk"));
            assertThat(streamed).as("goal.at-risk on the live stream").isNotNull();

            // a move in the goal's direction raises nothing and clears the marker
            String fall = UUID.randomUUID().toString();
            publish(
                    "hyte.indicator.events",
                    "4284:" + region + ":2025:total",
                    indicatorUpdated(fall, 4284, region, 2025, 10.5, 12.0));
            await().atMost(WAIT).untilAsserted(() -> assertThat(atRisk(region)).isEmpty());
            assertThat(Topics.count(
                            TestInfrastructure.kafkaBootstrap(),
                            "hyte.report.events",
                            AtRiskAlert.idOf(goalId, fall),
                            Duration.ofSeconds(2)))
                    .isZero();
        }
    }

    @Test
    void aValueOfAnotherMeasureOrBeforeTheBaselineRaisesNothing() {
        String region = Envelopes.region("HVA");
        String planId = UUID.randomUUID().toString();
        String goalId = UUID.randomUUID().toString();
        publish(
                "hyte.plan.events",
                planId,
                envelope(UUID.randomUUID().toString(), "goal.approved", planId, 4, region, """
                {"planId":"%s","goalId":"%s","region":"%s","termStart":2026,"termEnd":2029,
                 "goal":{"title":"Liikunta lisääntyy","ageGroup":"ALL","riskGroups":[],
                  "measures":[{"indicator":4459,"region":"%s","gender":"total","baseline":{"year":2023,"value":30},
                   "target":{"year":2029,"value":40},"direction":"INCREASE"}]}}""".formatted(
                                planId, goalId, region, region)
                        .replace("\n", "")));
        await().atMost(WAIT)
                .until(() -> mongo.exists(Query.query(Criteria.where("_id").is(goalId)), WatchedGoal.class));
        String otherIndicator = UUID.randomUUID().toString();
        String beforeBaseline = UUID.randomUUID().toString();
        publish("hyte.indicator.events", region, indicatorUpdated(otherIndicator, 4284, region, 2025, 20, 30.0));
        publish("hyte.indicator.events", region, indicatorUpdated(beforeBaseline, 4459, region, 2020, 20, 30.0));
        for (String trigger : new String[] {otherIndicator, beforeBaseline}) {
            assertThat(Topics.count(
                            TestInfrastructure.kafkaBootstrap(),
                            "hyte.report.events",
                            AtRiskAlert.idOf(goalId, trigger),
                            Duration.ofSeconds(2)))
                    .isZero();
        }
    }

    private JsonNode atRisk(String region) {
        return RestClient.create("http://localhost:" + port)
                .get()
                .uri("/dashboard/at-risk?region={region}", region)
                .headers(h -> h.setBearerAuth(TestTokens.viewer("HVA-4")))
                .retrieve()
                .body(JsonNode.class);
    }

    private static void publish(String topic, String key, String value) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), topic, key, value);
    }
}
