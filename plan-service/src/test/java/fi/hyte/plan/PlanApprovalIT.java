package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plan API over real HTTP, with real JWTs, the Mongo-wire server and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanApprovalIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plan-approval-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void approvingAPlanPublishesItsGoalsInOrderKeyedByThePlan() {
        String coordinator = TestTokens.coordinator("HVA-4");
        var created = http().post()
                .uri("/api/plans")
                .headers(h -> h.setBearerAuth(coordinator))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("region", "HVA-4", "title", "Hyvinvointisuunnitelma", "termStart", 2026, "termEnd", 2029))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).isNotNull();
        String planId = created.getBody().get("id").asString();
        assertThat(created.getBody().get("status").asString()).isEqualTo("DRAFT");

        var goal = http().post()
                .uri("/api/plans/{id}/goals", planId)
                .headers(h -> h.setBearerAuth(coordinator))
                .contentType(MediaType.APPLICATION_JSON)
                .body(goal())
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(goal.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String goalId = goal.getBody().get("id").asString();

        var approved = http().post()
                .uri("/api/plans/{id}/approval", planId)
                .headers(h -> h.setBearerAuth(coordinator))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decisionBody", "aluevaltuusto", "decisionDate", "2025-12-15", "reference", "AV § 45"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().get("status").asString()).isEqualTo("APPROVED");

        List<ConsumerRecord<String, String>> records =
                Topics.read(TestInfrastructure.kafkaBootstrap(), "hyte.plan.events", planId, 4, Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(planId);
        List<JsonNode> events =
                records.stream().map(r -> json.readTree(r.value())).toList();
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsExactly("plan.drafted", "goal.drafted", "plan.approved", "goal.approved");
        assertThat(events).extracting(e -> e.get("aggregateVersion").asLong()).containsExactly(1L, 2L, 3L, 4L);
        JsonNode goalApproved = events.get(3);
        assertThat(goalApproved.get("actor").asString()).isEqualTo("coordinator");
        assertThat(goalApproved.get("region").asString()).isEqualTo("HVA-4");
        assertThat(goalApproved.get("correlationId").asString()).isNotBlank();
        assertThat(goalApproved.at("/payload/goalId").asString()).isEqualTo(goalId);
        assertThat(goalApproved.at("/payload/goal/measures/0/indicator").asInt())
                .isEqualTo(4284);
    }

    @Test
    void refusesAnonymousRequestsWithProblemJson() {
        var response = http().get().uri("/api/plans").retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void namesTheFieldOfAnInvalidPlan() {
        var response = http().post()
                .uri("/api/plans")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("HVA-4")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("region", "HVA-4", "title", "x", "termStart", 2026))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("field").asString())
                .as(String.valueOf(response.getBody()))
                .isEqualTo("termEnd");
    }

    @Test
    void refusesServerOwnedFieldsInTheBody() {
        var response = http().post()
                .uri("/api/plans")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("HVA-4")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("region", "HVA-4", "title", "x", "termStart", 2026, "termEnd", 2029, "status", "APPROVED"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asString())
                .as(String.valueOf(response.getBody()))
                .isEqualTo("status");
    }

    @Test
    void refusesMalformedJsonNamingTheProblem() {
        var response = http().post()
                .uri("/api/plans")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("HVA-4")))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"region\": \"HVA-4\", \"termStart\": \"soon\"")
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aCoordinatorCannotCreateAPlanForAnotherRegion() {
        var response = http().post()
                .uri("/api/plans")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("HVA-2")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("region", "HVA-4", "title", "x", "termStart", 2026, "termEnd", 2029))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void refusesABodyOverTheLimitEvenWhenChunked() throws Exception {
        String huge = "{\"region\": \"HVA-4\", \"title\": \"" + "x".repeat(1_100_000) + "\"}";
        var declared = http().post()
                .uri("/api/plans")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("HVA-4")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(huge)
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

        var chunked = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/api/plans"))
                                .header("Authorization", "Bearer " + TestTokens.coordinator("HVA-4"))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(huge.getBytes())))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static Map<String, Object> goal() {
        return Map.of(
                "title", "Yksinäisyyden kokemus vähenee",
                "description", "Loneliness decreases",
                "ageGroup", "CHILDREN_AND_YOUTH",
                "riskGroups", List.of("young people outside education"),
                "measures",
                        List.of(Map.of(
                                "indicator",
                                4284,
                                "baseline",
                                Map.of("year", 2023, "value", 12.5),
                                "target",
                                Map.of("year", 2029, "value", 9.0),
                                "direction",
                                "DECREASE")));
    }
}
