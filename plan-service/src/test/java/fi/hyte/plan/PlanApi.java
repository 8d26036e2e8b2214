package fi.hyte.plan;

import static org.awaitility.Awaitility.await;

import fi.hyte.plan.catalogue.IndicatorCatalogue;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The plan API over real HTTP as the integration tests call it: every answer returned, none thrown. */
final class PlanApi {

    static final String PLAN_EVENTS = "hyte.plan.events";
    static final String INDICATOR_EVENTS = "hyte.indicator.events";

    private final RestClient http;

    PlanApi(int port) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    ResponseEntity<JsonNode> get(String token, String uri, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String token, Object body, String uri, Object... variables) {
        return send(HttpMethod.POST, token, null, body, uri, variables);
    }

    ResponseEntity<JsonNode> put(String token, String ifMatch, Object body, String uri, Object... variables) {
        return send(HttpMethod.PUT, token, ifMatch, body, uri, variables);
    }

    private ResponseEntity<JsonNode> send(
            HttpMethod method, String token, String ifMatch, Object body, String uri, Object... variables) {
        var request = http.method(method).uri(uri, variables).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    /** Drafts a plan and returns its id. */
    String draftPlan(String token, String region) {
        var created = post(
                token,
                Map.of("region", region, "title", "Hyvinvointisuunnitelma", "termStart", 2026, "termEnd", 2029),
                "/api/plans");
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("plan not drafted: " + created);
        }
        return created.getBody().get("id").asString();
    }

    /** Adds a goal and returns its id. */
    String addGoal(String token, String planId, Map<String, Object> goal) {
        var created = post(token, goal, "/api/plans/{id}/goals", planId);
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("goal not added: " + created);
        }
        return created.getBody().get("id").asString();
    }

    ResponseEntity<JsonNode> approve(String token, String planId, String date) {
        return post(
                token,
                Map.of("decisionBody", "aluevaltuusto", "decisionDate", date, "reference", "AV " + date),
                "/api/plans/{id}/approval",
                planId);
    }

    static Map<String, Object> goal(String title, int indicator) {
        return goal(title, indicator, 2023, 12.5);
    }

    static Map<String, Object> goal(String title, int indicator, int baselineYear, double baseline) {
        return Map.of(
                "title",
                title,
                "description",
                "Kuvaus",
                "ageGroup",
                "ELDERLY",
                "riskGroups",
                List.of("yksin asuvat"),
                "measures",
                List.of(Map.of(
                        "indicator",
                        indicator,
                        "baseline",
                        Map.of("year", baselineYear, "value", baseline),
                        "target",
                        Map.of("year", 2029, "value", 9.0),
                        "direction",
                        "DECREASE")));
    }

    /**
     * Publishes the recorded {@code indicator.catalogue-published} (every id of the Sotkanet catalogue, as
     * indicator-service announces it) and waits until this instance has learnt it.
     */
    static void publishCatalogue(IndicatorCatalogue catalogue) {
        String recorded;
        try (InputStream in = new ClassPathResource("events/indicator.catalogue-published.v1.json").getInputStream()) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Topics.publish(TestInfrastructure.kafkaBootstrap(), INDICATOR_EVENTS, "indicators", recorded);
        await().atMost(Duration.ofSeconds(60)).until(() -> catalogue.current().isPresent());
    }

    /**
     * The events of one plan on the topic, in order, once at least {@code expected} distinct ones have
     * arrived. Delivery is at least once (a relay pass racing a save sends an event again), so repeats of
     * an event id are dropped, as a consumer would.
     */
    static List<JsonNode> events(tools.jackson.databind.json.JsonMapper json, String planId, int expected) {
        var distinct = new java.util.LinkedHashMap<String, JsonNode>();
        int wanted = expected;
        while (true) {
            distinct.clear();
            var records = Topics.read(
                    TestInfrastructure.kafkaBootstrap(), PLAN_EVENTS, planId, wanted, Duration.ofSeconds(30));
            records.forEach(record -> {
                JsonNode event = json.readTree(record.value());
                distinct.putIfAbsent(event.get("id").asString(), event);
            });
            if (distinct.size() >= expected) {
                return List.copyOf(distinct.values());
            }
            wanted = records.size() + 1;
        }
    }
}
