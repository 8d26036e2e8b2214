package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.plan.catalogue.IndicatorCatalogue;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo plans in {@code demo/plans.json} post through the API exactly as a loader would, against the
 * whole Sotkanet indicator catalogue, and end up approved.
 */
// its own database and consumer group: never reused, so closed when done rather than left running
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.bindings.indicatorEvents-in-0.group=plan-demo-plans-it")
class DemoPlansIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plan-demo-plans-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    IndicatorCatalogue catalogue;

    @Autowired
    JsonMapper json;

    @Test
    void theDemoPlansPostAsTheyStandAndAreApproved() throws IOException {
        PlanApi.publishCatalogue(catalogue);
        var api = new PlanApi(port);
        JsonNode demo;
        try (InputStream in = new ClassPathResource("demo/plans.json").getInputStream()) {
            demo = json.readTree(in);
        }
        assertThat(demo.isArray()).isTrue();
        assertThat(demo).hasSize(2);

        for (JsonNode entry : demo) {
            String region = entry.at("/plan/region").asString();
            String coordinator = TestTokens.coordinator(region);
            var plan = api.post(coordinator, entry.get("plan"), "/api/plans");
            assertThat(plan.getStatusCode()).as(String.valueOf(plan.getBody())).isEqualTo(HttpStatus.CREATED);
            String planId = plan.getBody().get("id").asString();

            Map<String, String> goalIds = new HashMap<>(); // title -> id
            Set<String> indicators = new TreeSet<>();
            for (JsonNode goal : entry.get("goals")) {
                var created = api.post(coordinator, goal, "/api/plans/{p}/goals", planId);
                assertThat(created.getStatusCode())
                        .as(goal.get("title") + ": " + created.getBody())
                        .isEqualTo(HttpStatus.CREATED);
                goalIds.put(
                        goal.get("title").asString(),
                        created.getBody().get("id").asString());
                goal.get("measures")
                        .forEach(m -> indicators.add(m.get("indicator").asString()));
            }
            assertThat(entry.get("indicatorNotes").propertyNames())
                    .as("every indicator used is explained, and only those")
                    .containsExactlyInAnyOrderElementsOf(indicators);

            for (JsonNode negotiation : entry.get("negotiations")) {
                ObjectNode body = (ObjectNode) negotiation.deepCopy();
                ArrayNode agreed = body.putArray("agreedGoals");
                negotiation.get("agreedGoals").forEach(title -> {
                    assertThat(goalIds).as("agreed goal of this plan").containsKey(title.asString());
                    agreed.add(goalIds.get(title.asString()));
                });
                var recorded = api.post(coordinator, body, "/api/plans/{p}/negotiations", planId);
                assertThat(recorded.getStatusCode())
                        .as(String.valueOf(recorded.getBody()))
                        .isEqualTo(HttpStatus.CREATED);
            }

            var approved = api.post(coordinator, entry.get("approval"), "/api/plans/{p}/approval", planId);
            assertThat(approved.getStatusCode())
                    .as(String.valueOf(approved.getBody()))
                    .isEqualTo(HttpStatus.OK);
            assertThat(approved.getBody().get("status").asString()).isEqualTo("APPROVED");
            assertThat(approved.getBody().get("goals"))
                    .hasSize(entry.get("goals").size());
            assertThat(approved.getBody().get("sections"))
                    .hasSize(entry.at("/plan/sections").size());
            assertThat(approved.getBody().get("negotiations"))
                    .hasSize(entry.get("negotiations").size());
        }

        var keusote =
                api.get(TestTokens.viewer("HVA-2"), "/api/plans?region=HVA-2").getBody();
        assertThat(keusote).hasSize(1);
        assertThat(keusote.at("/0/goals")).hasSize(7);
        assertThat(keusote.at("/0/approval/decisionDate").asString()).isEqualTo("2019-12-19");
        var vantaaKerava =
                api.get(TestTokens.viewer("HVA-4"), "/api/plans?region=HVA-4").getBody();
        assertThat(vantaaKerava.at("/0/sections")).hasSize(3);
        assertThat(vantaaKerava.at("/0/goals").size()).isGreaterThanOrEqualTo(6);
    }
}
