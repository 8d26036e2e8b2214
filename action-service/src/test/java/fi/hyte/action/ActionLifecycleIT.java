package fi.hyte.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Actions under a goal learnt from a recorded {@code goal.approved} event, over real HTTP, Kafka and the
 * Mongo-wire server.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hyte.actions.overdue-check.initial-delay=0s", "hyte.actions.overdue-check.interval=300ms"})
class ActionLifecycleIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "action-lifecycle-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    fi.hyte.action.action.OverdueCheck overdueCheck;

    @Autowired
    fi.hyte.action.goal.KnownGoals knownGoals;

    final String vantaa = TestTokens.owner("vantaa", "HVA-4");

    @Test
    void anOwnerCarriesOutAnActionUnderAnApprovedGoal() throws Exception {
        String goalId = approvedGoal();
        var created = awaitCreated(goalId, "vantaa", vantaa);
        String actionId = created.getBody().get("id").asString();
        assertThat(created.getBody().get("status").asString()).isEqualTo("PLANNED");

        assertThat(post("/api/actions/" + actionId + "/start", vantaa, null)
                        .getBody()
                        .get("status")
                        .asString())
                .isEqualTo("IN_PROGRESS");
        var progress = post(
                "/api/actions/" + actionId + "/progress", vantaa, Map.of("note", "half way", "percentComplete", 50));
        assertThat(progress.getBody().get("percentComplete").asInt()).isEqualTo(50);
        var completed = post("/api/actions/" + actionId + "/complete", vantaa, Map.of("note", "done"));
        assertThat(completed.getBody().get("status").asString()).isEqualTo("COMPLETED");

        List<JsonNode> events = read("hyte.action.events", actionId, 4);
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsExactly("action.planned", "action.started", "action.progress-reported", "action.completed");
        assertThat(events.getLast().at("/payload/goalId").asString()).isEqualTo(goalId);
        assertThat(events.getLast().get("actor").asString()).isEqualTo("owner-vantaa");
    }

    @Test
    void refusesAnIllegalTransitionWithConflict() throws Exception {
        String goalId = approvedGoal();
        String actionId =
                awaitCreated(goalId, "vantaa", vantaa).getBody().get("id").asString();
        var response = post("/api/actions/" + actionId + "/complete", vantaa, Map.of("note", "too early"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void keravasOwnerCannotTouchVantaasAction() throws Exception {
        String goalId = approvedGoal();
        String actionId =
                awaitCreated(goalId, "vantaa", vantaa).getBody().get("id").asString();
        String kerava = TestTokens.owner("kerava", "HVA-4");
        assertThat(post("/api/actions/" + actionId + "/start", kerava, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/actions", kerava, newAction(goalId, "vantaa")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anOrganisationActsOnlyInTheCountiesItTakesPartIn() throws Exception {
        String goalId = approvedGoal(); // a Vantaa-Kerava (HVA-4) goal
        awaitCreated(goalId, "vantaa", vantaa);
        String hyvinkaa = TestTokens.owner("hyvinkaa", "HVA-2");

        var ownOrganisation = post("/api/actions", hyvinkaa, newAction(goalId, "hyvinkaa"));
        var byCoordinator = post("/api/actions", TestTokens.coordinator("HVA-4"), newAction(goalId, "tuusula"));

        assertThat(ownOrganisation.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ownOrganisation.getBody().path("field").asString()).isEqualTo("organisation");
        assertThat(byCoordinator.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(byCoordinator.getBody().path("field").asString()).isEqualTo("organisation");
        assertThat(get("/api/actions?goal=" + goalId, vantaa).getBody()).hasSize(1);
    }

    @Test
    void refusesAnActionUnderAnUnknownGoalNamingTheField() {
        var response = post("/api/actions", vantaa, newAction("no-such-goal", "vantaa"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(response.getBody().path("field").asString()).isEqualTo("goalId");
    }

    @Test
    void refusesADueDateBeforeTheStart() throws Exception {
        String goalId = approvedGoal();
        awaitCreated(goalId, "vantaa", vantaa);
        var body = new java.util.HashMap<>(newAction(goalId, "vantaa"));
        body.put("start", "2026-06-01");
        body.put("due", "2026-01-01");
        var response = post("/api/actions", vantaa, body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(response.getBody().path("field").asString()).isEqualTo("due");
    }

    @Test
    void sendsAnUnreadableEventToTheDeadLetterTopicWithTheReason() {
        String marker = UUID.randomUUID().toString();
        publish("hyte.plan.events", marker, "{not json " + marker);
        var dead = readRaw("hyte.action-service.dlq", marker, 1).getFirst();
        assertThat(new String(dead.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                .contains("not a Hyte event envelope");
    }

    @Test
    void announcesAnOverdueActionOnceEvenWithSeveralCheckersRunning() throws Exception {
        String goalId = approvedGoal();
        var body = new java.util.HashMap<>(newAction(goalId, "vantaa"));
        body.put("start", "2025-01-01");
        body.put("due", "2025-02-01");
        String actionId = awaitCreated(goalId, body, vantaa).getBody().get("id").asString();

        // a second "instance" racing the scheduled check
        var racers = java.util.concurrent.Executors.newFixedThreadPool(2);
        for (int i = 0; i < 4; i++) {
            racers.submit(overdueCheck::announceDelays);
        }
        racers.shutdown();
        assertThat(racers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();

        var delayed = read("hyte.action.events", actionId, 2).stream()
                .map(e -> e.get("type").asString())
                .toList();
        assertThat(delayed).containsExactly("action.planned", "action.delayed");
        assertThat(Topics.count(
                        TestInfrastructure.kafkaBootstrap(), "hyte.action.events", actionId, Duration.ofSeconds(3)))
                .as("no second action.delayed")
                .isEqualTo(2);

        var overdue = get("/api/actions?overdue=true&goal=" + goalId, vantaa);
        assertThat(overdue.getBody()).extracting(a -> a.get("id").asString()).containsExactly(actionId);
        assertThat(overdue.getBody().get(0).get("overdue").asBoolean()).isTrue();
        assertThat(get("/api/actions?overdue=false&goal=" + goalId, vantaa).getBody())
                .isEmpty();
    }

    @Test
    void showsTheActionTableOfAGoalInOneCall() throws Exception {
        String goalId = approvedGoal();
        String vantaas =
                awaitCreated(goalId, "vantaa", vantaa).getBody().get("id").asString();
        String keravas = awaitCreated(goalId, "kerava", TestTokens.owner("kerava", "HVA-4"))
                .getBody()
                .get("id")
                .asString();
        var table = get("/api/goals/" + goalId + "/actions", TestTokens.viewer("HVA-4"));
        assertThat(table.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(table.getBody().at("/goal/title").asString()).isEqualTo("Yksinäisyyden kokemus vähenee");
        assertThat(table.getBody().get("actions"))
                .extracting(a -> a.get("id").asString())
                .containsExactlyInAnyOrder(vantaas, keravas);
        assertThat(table.getBody().at("/actions/0/responsiblePerson").asString())
                .isNotBlank();
    }

    @Test
    void refusesAPercentageOutOfRangeNamingIt() throws Exception {
        String goalId = approvedGoal();
        String actionId =
                awaitCreated(goalId, "vantaa", vantaa).getBody().get("id").asString();
        post("/api/actions/" + actionId + "/start", vantaa, null);
        var response = post(
                "/api/actions/" + actionId + "/progress", vantaa, Map.of("note", "liikaa", "percentComplete", 101));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asString()).isEqualTo("percentComplete");
    }

    @Test
    void refusesCancellingWithoutAReasonNamingIt() throws Exception {
        String goalId = approvedGoal();
        String actionId =
                awaitCreated(goalId, "vantaa", vantaa).getBody().get("id").asString();
        var response = post("/api/actions/" + actionId + "/cancel", vantaa, Map.of("reason", " "));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asString()).isEqualTo("reason");
        var cancelled = post("/api/actions/" + actionId + "/cancel", vantaa, Map.of("reason", "ei rahoitusta"));
        assertThat(cancelled.getBody().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void viewersReadButDoNotWriteAndOtherRegionsCoordinatorsCannotChangeActions() throws Exception {
        String goalId = approvedGoal();
        String actionId =
                awaitCreated(goalId, "vantaa", vantaa).getBody().get("id").asString();
        String viewer = TestTokens.viewer("HVA-4");
        assertThat(get("/api/actions/" + actionId, viewer).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/actions", viewer, newAction(goalId, "vantaa")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/actions/" + actionId + "/start", TestTokens.coordinator("HVA-2"), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/actions/" + actionId + "/start", TestTokens.coordinator("HVA-4"), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("/api/actions", TestTokens.integrator()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRetiredGoalOrAClosedPlanTakesNoNewActions() throws Exception {
        String planId = UUID.randomUUID().toString();
        String goalId = approvedGoal(planId);
        awaitCreated(goalId, "vantaa", vantaa);
        publish("hyte.plan.events", planId, """
                {"id": "%s", "type": "goal.retired", "schemaVersion": 1, "aggregateId": "%s",
                 "aggregateVersion": 5, "occurredAt": "2026-11-23T14:00:00Z", "region": "HVA-4",
                 "correlationId": "c", "actor": "coordinator",
                 "payload": {"planId": "%s", "goalId": "%s", "region": "HVA-4", "reason": "merged"}}""".formatted(UUID.randomUUID(), planId, planId, goalId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> post("/api/actions", vantaa, newAction(goalId, "vantaa"))
                                .getStatusCode()
                        == HttpStatus.CONFLICT);

        String otherPlan = UUID.randomUUID().toString();
        String otherGoal = approvedGoal(otherPlan);
        awaitCreated(otherGoal, "vantaa", vantaa);
        publish("hyte.plan.events", otherPlan, """
                {"id": "%s", "type": "plan.closed", "schemaVersion": 1, "aggregateId": "%s",
                 "aggregateVersion": 6, "occurredAt": "2026-11-23T14:00:00Z", "region": "HVA-4",
                 "correlationId": "c", "actor": "coordinator",
                 "payload": {"planId": "%s", "region": "HVA-4", "reason": "term ended"}}""".formatted(UUID.randomUUID(), otherPlan, otherPlan));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> post("/api/actions", vantaa, newAction(otherGoal, "vantaa"))
                                .getStatusCode()
                        == HttpStatus.CONFLICT);
    }

    @Test
    void aRedeliveredGoalEventChangesNothing() throws Exception {
        String goalId = approvedGoal(); // published twice
        awaitCreated(goalId, "vantaa", vantaa);
        var goal = knownGoals.findById(goalId).orElseThrow();
        assertThat(goal.planRevision()).isEqualTo(4);
        assertThat(knownGoals.findAll()).filteredOn(g -> g.id().equals(goalId)).hasSize(1);
    }

    private String approvedGoal() throws IOException {
        return approvedGoal(UUID.randomUUID().toString());
    }

    private String approvedGoal(String planId) throws IOException {
        String goalId = UUID.randomUUID().toString();
        String recorded = new ClassPathResource("events/goal.approved.v1.json")
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("PLAN_ID", planId)
                .replace("GOAL_ID", goalId)
                .replace(
                        "2f0d3b7e-8a7c-4f5e-9d0b-5b6e6c1a0001",
                        UUID.randomUUID().toString());
        publish("hyte.plan.events", planId, recorded);
        publish("hyte.plan.events", planId, recorded); // a redelivery changes nothing
        return goalId;
    }

    private ResponseEntity<JsonNode> awaitCreated(String goalId, String organisation, String token) {
        return awaitCreated(goalId, newAction(goalId, organisation), token);
    }

    private ResponseEntity<JsonNode> awaitCreated(String goalId, Map<String, Object> action, String token) {
        List<ResponseEntity<JsonNode>> created = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var response = post("/api/actions", token, action);
                    if (response.getStatusCode() == HttpStatus.CREATED) {
                        created.add(response);
                        return true;
                    }
                    return false;
                });
        return created.getFirst();
    }

    private static Map<String, Object> newAction(String goalId, String organisation) {
        return Map.of(
                "goalId",
                goalId,
                "title",
                "Ilmiötyöpaja yksinäisyydestä",
                "kind",
                "WORKSHOP",
                "organisation",
                organisation,
                "responsiblePerson",
                "Hyvinvointikoordinaattori",
                // relative dates, so that the overdue check never sees these actions
                "start",
                java.time.LocalDate.now().minusMonths(1).toString(),
                "due",
                java.time.LocalDate.now().plusYears(1).toString(),
                "riskGroups",
                List.of("young people outside education"));
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {})
                .build()
                .get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String token, Object body) {
        var request = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {})
                .build()
                .post()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private static void publish(String topic, String key, String value) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), topic, key, value);
    }

    private List<JsonNode> read(String topic, String key, int expected) {
        return readRaw(topic, key, expected).stream()
                .map(record -> json.readTree(record.value()))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> readRaw(String topic, String key, int expected) {
        return Topics.read(TestInfrastructure.kafkaBootstrap(), topic, key, expected, Duration.ofSeconds(60));
    }
}
