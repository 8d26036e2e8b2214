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
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Revising goals with optimistic concurrency (ETag / If-Match), and retiring them, over real HTTP. */
// its own database and consumer group: never reused, so closed when done rather than left running
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.bindings.indicatorEvents-in-0.group=plan-goal-revision-it")
class GoalRevisionIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plan-goal-revision-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    PlanApi api;
    final String coordinator = TestTokens.coordinator("HVA-4");

    @BeforeEach
    void api() {
        api = new PlanApi(port);
    }

    @Test
    void aGoalIsRevisedWithTheETagItWasReadWith() {
        String planId = api.draftPlan(coordinator, "HVA-4");
        String goalId = api.addGoal(coordinator, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));
        var read = api.get(coordinator, "/api/plans/{p}/goals/{g}", planId, goalId);
        String etag = read.getHeaders().getETag();
        assertThat(etag).isEqualTo("\"1\"");

        var revised = api.put(
                coordinator,
                etag,
                PlanApi.goal("Ikääntyneiden yksinäisyys vähenee", 4286),
                "/api/plans/{p}/goals/{g}",
                planId,
                goalId);

        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(revised.getBody().get("title").asString()).isEqualTo("Ikääntyneiden yksinäisyys vähenee");
        assertThat(revised.getBody().get("status").asString()).isEqualTo("DRAFT");
        assertThat(revised.getBody().at("/measures/0/region").asString())
                .as("the measure's region defaults to the plan's")
                .isEqualTo("HVA-4");
        JsonNode event = PlanApi.events(json, planId, 3).get(2);
        assertThat(event.get("type").asString()).isEqualTo("goal.revised");
        assertThat(event.at("/payload/goalId").asString()).isEqualTo(goalId);
        assertThat(event.at("/payload/changed/0").asString()).isEqualTo("title");
        assertThat(event.at("/payload/goal/title").asString()).isEqualTo("Ikääntyneiden yksinäisyys vähenee");
    }

    @Test
    void aStaleETagIsRefusedWith412() {
        String planId = api.draftPlan(coordinator, "HVA-4");
        String goalId = api.addGoal(coordinator, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));
        String etag = api.get(coordinator, "/api/plans/{p}/goals/{g}", planId, goalId)
                .getHeaders()
                .getETag();
        assertThat(api.put(
                                coordinator,
                                etag,
                                PlanApi.goal("Ensimmäinen muutos", 4286),
                                "/api/plans/{p}/goals/{g}",
                                planId,
                                goalId)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        var stale = api.put(
                coordinator, etag, PlanApi.goal("Toinen muutos", 4286), "/api/plans/{p}/goals/{g}", planId, goalId);

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get(coordinator, "/api/plans/{p}/goals/{g}", planId, goalId)
                        .getBody()
                        .get("title")
                        .asString())
                .isEqualTo("Ensimmäinen muutos");
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428() {
        String planId = api.draftPlan(coordinator, "HVA-4");
        String goalId = api.addGoal(coordinator, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));

        var response =
                api.put(coordinator, null, PlanApi.goal("Muutos", 4286), "/api/plans/{p}/goals/{g}", planId, goalId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    void anApprovedGoalCannotBeEdited() {
        String planId = api.draftPlan(coordinator, "HVA-4");
        String goalId = api.addGoal(coordinator, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));
        assertThat(api.approve(coordinator, planId, "2025-12-15").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var read = api.get(coordinator, "/api/plans/{p}/goals/{g}", planId, goalId);
        assertThat(read.getBody().get("status").asString()).isEqualTo("APPROVED");

        var response = api.put(
                coordinator,
                read.getHeaders().getETag(),
                PlanApi.goal("Muutos", 4286),
                "/api/plans/{p}/goals/{g}",
                planId,
                goalId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asString()).contains("open a revision");
    }

    @Test
    void aRetiredGoalIsAnnouncedWithItsReason() {
        String planId = api.draftPlan(coordinator, "HVA-4");
        String goalId = api.addGoal(coordinator, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));
        String other = api.addGoal(coordinator, planId, PlanApi.goal("Liikkumattomuus vähenee", 4447));
        api.approve(coordinator, planId, "2025-12-15");

        var retired = api.post(
                coordinator,
                Map.of("reason", "Yhdistetty liikkumattomuustavoitteeseen"),
                "/api/plans/{p}/goals/{g}/retirement",
                planId,
                goalId);

        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getBody().get("status").asString()).isEqualTo("RETIRED");
        assertThat(retired.getBody().get("retirementReason").asString())
                .isEqualTo("Yhdistetty liikkumattomuustavoitteeseen");
        List<JsonNode> events = PlanApi.events(json, planId, 7);
        JsonNode event = events.get(6);
        assertThat(event.get("type").asString()).isEqualTo("goal.retired");
        assertThat(event.get("aggregateVersion").asLong()).isEqualTo(7);
        assertThat(event.at("/payload/planId").asString()).isEqualTo(planId);
        assertThat(event.at("/payload/goalId").asString()).isEqualTo(goalId);
        assertThat(event.at("/payload/region").asString()).isEqualTo("HVA-4");
        assertThat(event.at("/payload/reason").asString()).isEqualTo("Yhdistetty liikkumattomuustavoitteeseen");
        assertThat(api.get(coordinator, "/api/plans/{p}/goals/{g}", planId, other)
                        .getBody()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");

        var again = api.post(
                coordinator, Map.of("reason", "uudestaan"), "/api/plans/{p}/goals/{g}/retirement", planId, goalId);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        var noReason = api.post(coordinator, Map.of(), "/api/plans/{p}/goals/{g}/retirement", planId, other);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("field").asString()).isEqualTo("reason");
    }

    @Test
    void thePlansOwnDetailsAreRevisedWithItsETag() {
        String planId = api.draftPlan(coordinator, "HVA-4");
        var read = api.get(coordinator, "/api/plans/{p}", planId);
        var details = Map.of(
                "title",
                "Vantaan ja Keravan hyvinvointisuunnitelma 2026-2029",
                "termStart",
                2026,
                "termEnd",
                2029,
                "sections",
                List.of(Map.of("ageGroup", "ELDERLY", "title", "Ikääntyneiden hyvinvointisuunnitelma", "summary", "…")),
                "organisations",
                List.of("vantaa-kerava", "vantaa", "kerava", "hus"));

        assertThat(api.put(coordinator, null, details, "/api/plans/{p}", planId).getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        var revised = api.put(coordinator, read.getHeaders().getETag(), details, "/api/plans/{p}", planId);
        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody().at("/sections/0/ageGroup").asString()).isEqualTo("ELDERLY");
        assertThat(revised.getBody().get("organisations")).hasSize(4);
        assertThat(api.put(coordinator, read.getHeaders().getETag(), details, "/api/plans/{p}", planId)
                        .getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);

        var moved = api.put(
                coordinator,
                revised.getHeaders().getETag(),
                Map.of("region", "HVA-2", "title", "x", "termStart", 2026, "termEnd", 2029),
                "/api/plans/{p}",
                planId);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(moved.getBody().get("field").asString()).isEqualTo("region");
    }
}
