package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may do what: coordinators change their own region's plans (another region's plan is not found),
 * owners and viewers read, integrators have nothing to do with plans.
 */
// its own database and consumer group: never reused, so closed when done rather than left running
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.bindings.indicatorEvents-in-0.group=plan-authorisation-it")
class PlanAuthorisationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plan-authorisation-it");
    }

    @LocalServerPort
    int port;

    PlanApi api;
    final String coordinator = TestTokens.coordinator("HVA-4");
    final String otherCoordinator = TestTokens.coordinator("HVA-2");
    String planId;
    String goalId;

    @BeforeEach
    void approvedPlan() {
        api = new PlanApi(port);
        planId = api.draftPlan(coordinator, "HVA-4");
        goalId = api.addGoal(coordinator, planId, PlanApi.goal("Yksinäisyys vähenee", 4286));
        api.post(
                coordinator,
                Map.of("date", "2025-03-12", "parties", List.of("vantaa", "kerava"), "summary", "Neuvoteltu"),
                "/api/plans/{p}/negotiations",
                planId);
        assertThat(api.approve(coordinator, planId, "2025-12-15").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCoordinatorOfAnotherRegionDoesNotFindThePlanToChangeIt() {
        String etag = api.get(otherCoordinator, "/api/plans/{p}/goals/{g}", planId, goalId)
                .getHeaders()
                .getETag();
        var changes = List.of(
                api.post(otherCoordinator, PlanApi.goal("x", 4286), "/api/plans/{p}/goals", planId),
                api.put(otherCoordinator, etag, PlanApi.goal("x", 4286), "/api/plans/{p}/goals/{g}", planId, goalId),
                api.post(
                        otherCoordinator, Map.of("reason", "x"), "/api/plans/{p}/goals/{g}/retirement", planId, goalId),
                api.post(otherCoordinator, Map.of("reason", "x"), "/api/plans/{p}/revisions", planId),
                api.post(otherCoordinator, Map.of("reason", "x"), "/api/plans/{p}/closure", planId),
                api.post(
                        otherCoordinator,
                        Map.of("date", "2025-03-12", "parties", List.of("hus"), "summary", "x"),
                        "/api/plans/{p}/negotiations",
                        planId),
                api.put(
                        otherCoordinator,
                        "\"1\"",
                        Map.of("title", "x", "termStart", 2026, "termEnd", 2029),
                        "/api/plans/{p}",
                        planId));
        assertThat(changes).allSatisfy(response -> {
            assertThat(response.getStatusCode()).as(String.valueOf(response)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        assertThat(api.get(coordinator, "/api/plans/{p}", planId)
                        .getBody()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void aCoordinatorCannotDraftAPlanForAnotherRegion() {
        var response = api.post(
                otherCoordinator,
                Map.of("region", "HVA-4", "title", "x", "termStart", 2026, "termEnd", 2029),
                "/api/plans");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anIntegratorIsForbiddenEveryPlanEndpoint() {
        String integrator = TestTokens.integrator();
        var responses = List.of(
                api.get(integrator, "/api/plans"),
                api.get(integrator, "/api/plans/{p}", planId),
                api.get(integrator, "/api/plans/{p}/goals/{g}", planId, goalId),
                api.get(integrator, "/api/plans/{p}/history", planId),
                api.get(integrator, "/api/plans/{p}/versions", planId),
                api.get(integrator, "/api/plans/{p}/negotiations", planId),
                api.post(
                        integrator,
                        Map.of("region", "HVA-4", "title", "x", "termStart", 2026, "termEnd", 2029),
                        "/api/plans"),
                api.post(integrator, Map.of("reason", "x"), "/api/plans/{p}/goals/{g}/retirement", planId, goalId));
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.getStatusCode()).as(String.valueOf(response)).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
    }

    @Test
    void viewersAndOwnersReadButDoNotChange() {
        for (String reader : List.of(TestTokens.viewer("HVA-4"), TestTokens.owner("vantaa", "HVA-4"))) {
            assertThat(api.get(reader, "/api/plans?region=HVA-4").getBody().toString())
                    .contains(planId);
            var plan = api.get(reader, "/api/plans/{p}", planId);
            assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(plan.getBody().get("negotiations")).hasSize(1);
            var goal = api.get(reader, "/api/plans/{p}/goals/{g}", planId, goalId);
            assertThat(goal.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(goal.getHeaders().getETag()).isNotNull();
            assertThat(api.get(reader, "/api/plans/{p}/history", planId).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(api.get(reader, "/api/plans/{p}/versions/1", planId).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(api.get(reader, "/api/plans/{p}/negotiations", planId).getBody())
                    .hasSize(1);

            assertThat(api.post(reader, Map.of("reason", "x"), "/api/plans/{p}/revisions", planId)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.post(reader, PlanApi.goal("x", 4286), "/api/plans/{p}/goals", planId)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void aCoordinatorOfAnotherRegionMayReadThePublishedPlan() {
        assertThat(api.get(otherCoordinator, "/api/plans/{p}", planId).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
