package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan's life after its first approval: a mid-term revision that keeps version 1 readable and ends
 * with a new approval announcing every goal again, HYTE negotiations, closure, and the history of it all.
 */
// its own database and consumer group: never reused, so closed when done rather than left running
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.bindings.indicatorEvents-in-0.group=plan-revision-it")
class PlanRevisionIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plan-revision-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    PlanApi api;
    final String anna = TestTokens.token("anna.coordinator", List.of("coordinator"), "HVA-4", null);
    final String ben = TestTokens.token("ben.coordinator", List.of("coordinator"), "HVA-4", null);

    @BeforeEach
    void api() {
        api = new PlanApi(port);
    }

    @Test
    void aRevisionKeepsVersionOneReadableAndItsApprovalAnnouncesEveryGoalAgain() {
        String planId = api.draftPlan(anna, "HVA-4");
        String loneliness = api.addGoal(anna, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));
        String inactivity = api.addGoal(anna, planId, PlanApi.goal("Liikkumattomuus vähenee", 4447));
        String smoking = api.addGoal(anna, planId, PlanApi.goal("Tupakointi vähenee", 4406));
        assertThat(api.approve(anna, planId, "2025-12-15").getStatusCode()).isEqualTo(HttpStatus.OK);

        var opened = api.post(ben, Map.of("reason", "Väliarviointi 2027"), "/api/plans/{p}/revisions", planId);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(opened.getBody().get("status").asString()).isEqualTo("REVISION");
        assertThat(opened.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(opened.getBody().get("approvedVersion").asInt()).isEqualTo(1);
        String etag = api.get(ben, "/api/plans/{p}/goals/{g}", planId, loneliness)
                .getHeaders()
                .getETag();
        var revised = api.put(
                ben,
                etag,
                PlanApi.goal("Ikääntyneiden yksinäisyys vähenee", 4286),
                "/api/plans/{p}/goals/{g}",
                planId,
                loneliness);
        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody().get("status").asString())
                .as("approved until the revision is approved")
                .isEqualTo("APPROVED");
        assertThat(revised.getBody().get("awaitsApproval").asBoolean()).isTrue();
        api.post(
                ben,
                Map.of("reason", "Siirretty HUS:n ohjelmaan"),
                "/api/plans/{p}/goals/{g}/retirement",
                planId,
                smoking);
        String falls = api.addGoal(ben, planId, PlanApi.goal("Kaatumiset vähenevät", 4287));

        var v1 = api.get(ben, "/api/plans/{p}/versions/1", planId);
        assertThat(v1.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(v1.getBody().at("/approval/decisionDate").asString()).isEqualTo("2025-12-15");
        assertThat(titles(v1.getBody()))
                .containsExactly("Yksinäisyys vähenee", "Liikkumattomuus vähenee", "Tupakointi vähenee");
        assertThat(api.get(ben, "/api/plans/{p}/versions/2", planId).getStatusCode())
                .as("not approved yet")
                .isEqualTo(HttpStatus.NOT_FOUND);

        var reapproved = api.approve(ben, planId, "2026-06-15");
        assertThat(reapproved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reapproved.getBody().get("status").asString()).isEqualTo("APPROVED");
        assertThat(reapproved.getBody().get("approvedVersion").asInt()).isEqualTo(2);

        var versions = api.get(ben, "/api/plans/{p}/versions", planId).getBody();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("goals").asInt()).isEqualTo(3);
        assertThat(versions.get(1).get("goals").asInt()).isEqualTo(3);
        assertThat(titles(api.get(ben, "/api/plans/{p}/versions/1", planId).getBody()))
                .as("version 1 unchanged by the revision")
                .containsExactly("Yksinäisyys vähenee", "Liikkumattomuus vähenee", "Tupakointi vähenee");
        assertThat(titles(api.get(ben, "/api/plans/{p}/versions/2", planId).getBody()))
                .containsExactly(
                        "Ikääntyneiden yksinäisyys vähenee", "Liikkumattomuus vähenee", "Kaatumiset vähenevät");

        // 1 drafted, 3 goals drafted, approved + 3 goals, revision opened, goal revised, retired, drafted,
        // approved + 3 goals
        List<JsonNode> events = PlanApi.events(json, planId, 16);
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsExactly(
                        "plan.drafted",
                        "goal.drafted",
                        "goal.drafted",
                        "goal.drafted",
                        "plan.approved",
                        "goal.approved",
                        "goal.approved",
                        "goal.approved",
                        "plan.revision-opened",
                        "goal.revised",
                        "goal.retired",
                        "goal.drafted",
                        "plan.approved",
                        "goal.approved",
                        "goal.approved",
                        "goal.approved");
        assertThat(events).extracting(e -> e.get("aggregateVersion").asLong()).isSorted();
        var secondApproval = events.subList(13, 16);
        assertThat(secondApproval)
                .extracting(e -> e.at("/payload/goalId").asString())
                .containsExactly(loneliness, inactivity, falls);
        assertThat(secondApproval)
                .allSatisfy(
                        e -> assertThat(e.at("/payload/planVersion").asInt()).isEqualTo(2));
        assertThat(secondApproval.getFirst().at("/payload/goal/title").asString())
                .isEqualTo("Ikääntyneiden yksinäisyys vähenee");
        assertThat(events.get(12).at("/payload/goalIds")).hasSize(3);

        var history = api.get(TestTokens.viewer("HVA-4"), "/api/plans/{p}/history", planId);
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody()).hasSize(16);
        for (int i = 0; i < 16; i++) {
            JsonNode entry = history.getBody().get(i);
            assertThat(entry.get("type").asString())
                    .isEqualTo(events.get(i).get("type").asString());
            assertThat(entry.get("aggregateVersion").asLong())
                    .as("names the event on the topic")
                    .isEqualTo(events.get(i).get("aggregateVersion").asLong());
            assertThat(entry.get("actor").asString())
                    .isEqualTo(events.get(i).get("actor").asString());
            assertThat(entry.get("at").asString()).isNotBlank();
            assertThat(entry.get("summary").asString()).isNotBlank();
        }
        assertThat(history.getBody().get(0).get("actor").asString()).isEqualTo("anna.coordinator");
        assertThat(history.getBody().get(9).get("actor").asString()).isEqualTo("ben.coordinator");
        assertThat(history.getBody().get(9).get("goalId").asString()).isEqualTo(loneliness);
        assertThat(history.getBody().get(9).get("summary").asString())
                .contains("Ikääntyneiden yksinäisyys vähenee", "title");
        assertThat(history.getBody().get(10).get("summary").asString()).contains("Siirretty HUS:n ohjelmaan");
        assertThat(history.getBody().get(12).get("summary").asString()).contains("Version 2 approved");
    }

    @Test
    void aNegotiationIsRecordedListedAndAnnounced() {
        String planId = api.draftPlan(anna, "HVA-4");
        String goalId = api.addGoal(anna, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));

        var recorded = api.post(
                anna,
                Map.of(
                        "date",
                        "2025-03-12",
                        "parties",
                        List.of("vantaa-kerava", "vantaa", "kerava", "hus", "mll-uusimaa"),
                        "summary",
                        "Yksinäisyyden vähentäminen sovittiin yhteiseksi tavoitteeksi.",
                        "agreedGoals",
                        List.of(goalId)),
                "/api/plans/{p}/negotiations",
                planId);

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String negotiationId = recorded.getBody().get("id").asString();
        assertThat(recorded.getHeaders().getLocation())
                .hasToString("http://localhost:%d/api/plans/%s/negotiations/%s".formatted(port, planId, negotiationId));
        var plan = api.get(anna, "/api/plans/{p}", planId).getBody();
        assertThat(plan.at("/negotiations/0/id").asString()).isEqualTo(negotiationId);
        assertThat(plan.at("/negotiations/0/agreedGoals/0").asString()).isEqualTo(goalId);
        assertThat(api.get(anna, "/api/plans/{p}/negotiations/{n}", planId, negotiationId)
                        .getBody()
                        .get("parties"))
                .hasSize(5);
        JsonNode event = PlanApi.events(json, planId, 3).get(2);
        assertThat(event.get("type").asString()).isEqualTo("negotiation.recorded");
        assertThat(event.at("/payload/negotiationId").asString()).isEqualTo(negotiationId);
        assertThat(event.at("/payload/date").asString()).isEqualTo("2025-03-12");
        assertThat(event.at("/payload/agreedGoals/0").asString()).isEqualTo(goalId);

        var unknownGoal = api.post(
                anna,
                Map.of("date", "2025-03-12", "parties", List.of("hus"), "summary", "x", "agreedGoals", List.of("nope")),
                "/api/plans/{p}/negotiations",
                planId);
        assertThat(unknownGoal.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(unknownGoal.getBody().get("field").asString()).isEqualTo("agreedGoals[0]");
        var noParties = api.post(
                anna,
                Map.of("date", "2025-03-12", "parties", List.of(), "summary", "x"),
                "/api/plans/{p}/negotiations",
                planId);
        assertThat(noParties.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noParties.getBody().get("field").asString()).isEqualTo("parties");
    }

    @Test
    void aClosedPlanIsAnnouncedAndChangesNoMore() {
        String planId = api.draftPlan(anna, "HVA-4");
        String goalId = api.addGoal(anna, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));
        api.approve(anna, planId, "2025-12-15");

        var closed = api.post(anna, Map.of("reason", "Valtuustokausi päättyi"), "/api/plans/{p}/closure", planId);

        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody().get("status").asString()).isEqualTo("CLOSED");
        JsonNode event = PlanApi.events(json, planId, 5).get(4);
        assertThat(event.get("type").asString()).isEqualTo("plan.closed");
        assertThat(event.at("/payload/approvedVersion").asInt()).isEqualTo(1);
        assertThat(event.at("/payload/reason").asString()).isEqualTo("Valtuustokausi päättyi");
        assertThat(api.post(anna, Map.of("reason", "x"), "/api/plans/{p}/revisions", planId)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.post(anna, Map.of("reason", "x"), "/api/plans/{p}/goals/{g}/retirement", planId, goalId)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.post(anna, null, "/api/plans/{p}/closure", planId).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get(anna, "/api/plans/{p}/versions/1", planId).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static List<String> titles(JsonNode version) {
        List<String> titles = new java.util.ArrayList<>();
        version.get("goals").forEach(goal -> titles.add(goal.get("title").asString()));
        return titles;
    }
}
