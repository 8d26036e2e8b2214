package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The report from recorded events of the three producers, over real Kafka, Mongo-wire and HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WelfareReportIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "welfare-report-it");
    }

    @LocalServerPort
    int port;

    @Test
    void reportShowsTheGoalItsCompletedActionAndTheLatestValueEvenWhenEventsAreRedelivered() throws IOException {
        // a region of its own, so that other tests' goals do not show
        String region = "HVA-" + (100 + (int) (Math.random() * 800));
        String planId = UUID.randomUUID().toString();
        String goalId = UUID.randomUUID().toString();
        String actionId = UUID.randomUUID().toString();
        for (int delivery = 0; delivery < 2; delivery++) {
            publish("hyte.plan.events", planId, recorded("goal.approved", planId, goalId, actionId, region));
            publish("hyte.action.events", actionId, recorded("action.planned", planId, goalId, actionId, region));
            publish("hyte.action.events", actionId, recorded("action.completed", planId, goalId, actionId, region));
            publish(
                    "hyte.indicator.events",
                    "4284:" + region + ":2025:total",
                    recorded("indicator.updated", planId, goalId, actionId, region));
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonNode report = report(region, 2026).getBody();
                    assertThat(report.get("goals")).hasSize(1);
                    JsonNode goal = report.get("goals").get(0);
                    assertThat(goal.get("goalId").asString()).isEqualTo(goalId);
                    assertThat(goal.at("/actions/total").asInt()).isEqualTo(1);
                    assertThat(goal.at("/actions/completed").asInt()).isEqualTo(1);
                    assertThat(goal.at("/actions/list/0/organisation").asString())
                            .isEqualTo("vantaa");
                    assertThat(goal.at("/measures/0/latest/value").asDouble()).isEqualTo(11.2);
                    assertThat(goal.at("/measures/0/series")).hasSize(1);
                    // 12.5 (2023) -> 9.0 (2029): the straight path expects 11.33 in 2025; 11.2 is ahead of it
                    assertThat(goal.at("/measures/0/assessment").asString()).isEqualTo("ON_TRACK");
                });
    }

    @Test
    void aReportOfAYearOutsideThePlanTermIsEmpty() {
        var response = report("HVA-4", 2001);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("goals")).isEmpty();
    }

    @Test
    void refusesAnInvalidYearNamingIt() {
        var response = report("HVA-4", 1900);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asString()).isEqualTo("year");
    }

    private ResponseEntity<JsonNode> report(String region, int year) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {})
                .build()
                .get()
                .uri("/api/reports/{region}/{year}", region, year)
                .headers(h -> h.setBearerAuth(TestTokens.viewer("HVA-4")))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private static String recorded(String type, String planId, String goalId, String actionId, String region)
            throws IOException {
        return new ClassPathResource("events/" + type + ".v1.json")
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("PLAN_ID", planId)
                .replace("GOAL_ID", goalId)
                .replace("ACTION_ID", actionId)
                .replace("EVENT_ID", UUID.randomUUID().toString())
                .replace("\"HVA-4\"", "\"" + region + "\"")
                .replace("REGION", region);
    }

    private static void publish(String topic, String key, String value) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), topic, key, value);
    }
}
