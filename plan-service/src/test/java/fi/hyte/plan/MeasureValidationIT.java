package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.plan.catalogue.IndicatorCatalogue;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A goal's measures checked against the indicator catalogue that plan-service learns from
 * {@code hyte.indicator.events} (a recorded {@code indicator.catalogue-published} is published here), and
 * the refusals of malformed goals, each naming the field.
 */
// its own database and consumer group: never reused, so closed when done rather than left running
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.bindings.indicatorEvents-in-0.group=plan-measure-validation-it")
class MeasureValidationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plan-measure-validation-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    IndicatorCatalogue catalogue;

    PlanApi api;
    final String coordinator = TestTokens.coordinator("HVA-4");
    String planId;

    @BeforeEach
    void plan() {
        PlanApi.publishCatalogue(catalogue);
        api = new PlanApi(port);
        planId = api.draftPlan(coordinator, "HVA-4");
    }

    ResponseEntity<JsonNode> addGoal(Map<String, Object> goal) {
        return api.post(coordinator, goal, "/api/plans/{p}/goals", planId);
    }

    static Map<String, Object> withMeasure(Map<String, Object> changes) {
        var measure = new HashMap<String, Object>(Map.of(
                "indicator",
                4284,
                "baseline",
                Map.of("year", 2023, "value", 12.5),
                "target",
                Map.of("year", 2029, "value", 9.0),
                "direction",
                "DECREASE"));
        measure.putAll(changes);
        var goal = new HashMap<>(PlanApi.goal("Yksinäisyys vähenee", 4284));
        goal.put("measures", List.of(measure));
        return goal;
    }

    static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("field").asString())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(field);
    }

    @Test
    void refusesAnIndicatorThatIsNotInTheCatalogue() {
        assertRefused(
                addGoal(withMeasure(Map.of("indicator", 999_999))),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "measures[0].indicator");
        assertThat(addGoal(withMeasure(Map.of("indicator", 4284))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void refusesAnUnknownIndicatorInARevisedGoalToo() {
        String goalId = api.addGoal(coordinator, planId, withMeasure(Map.of()));
        var response = api.put(
                coordinator,
                "\"1\"",
                withMeasure(Map.of("indicator", 999_999)),
                "/api/plans/{p}/goals/{g}",
                planId,
                goalId);
        assertRefused(response, HttpStatus.UNPROCESSABLE_CONTENT, "measures[0].indicator");
    }

    @Test
    void refusesYearsOutOfBounds() {
        assertRefused(
                addGoal(withMeasure(Map.of("baseline", Map.of("year", 1985, "value", 12.5)))),
                HttpStatus.BAD_REQUEST,
                "measures[0].baseline.year");
        assertRefused(
                addGoal(withMeasure(Map.of("baseline", Map.of("year", 2099, "value", 12.5)))),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "measures[0].baseline.year");
        assertRefused(
                addGoal(withMeasure(Map.of("target", Map.of("year", 2101, "value", 9.0)))),
                HttpStatus.BAD_REQUEST,
                "measures[0].target.year");
        assertRefused(
                addGoal(withMeasure(Map.of("target", Map.of("year", 2020, "value", 9.0)))),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "measures[0].target.year");
    }

    @Test
    void refusesAValueThatJsonTurnsIntoInfinity() {
        assertRefused(
                addGoal(withMeasure(
                        Map.of("baseline", Map.of("year", 2023, "value", new java.math.BigDecimal("1e309"))))),
                HttpStatus.BAD_REQUEST,
                "measures[0].baseline.value");
    }

    @Test
    void refusesADirectionThatDoesNotLeadToTheTarget() {
        assertRefused(
                addGoal(withMeasure(Map.of("direction", "INCREASE"))),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "measures[0].direction");
    }

    @Test
    void acceptsTheRegionOfThePlanOrOneOfItsMunicipalitiesOnly() {
        assertThat(addGoal(withMeasure(Map.of("region", "245"))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(addGoal(withMeasure(Map.of("region", "HVA-4"))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertRefused(
                addGoal(withMeasure(Map.of("region", "091"))), HttpStatus.UNPROCESSABLE_CONTENT, "measures[0].region");
        assertRefused(
                addGoal(withMeasure(Map.of("region", "HVA-2"))),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "measures[0].region");
    }

    @Test
    void refusesUnknownEnumValuesNamingTheField() {
        var goal = new HashMap<>(PlanApi.goal("Yksinäisyys vähenee", 4284));
        goal.put("ageGroup", "TEENAGERS");
        assertRefused(addGoal(goal), HttpStatus.BAD_REQUEST, "ageGroup");
        assertRefused(
                addGoal(withMeasure(Map.of("direction", "SIDEWAYS"))), HttpStatus.BAD_REQUEST, "measures[0].direction");
        assertRefused(addGoal(withMeasure(Map.of("gender", "other"))), HttpStatus.BAD_REQUEST, "measures[0].gender");
    }

    @Test
    void refusesFieldsTheServerOwns() {
        for (String owned : List.of("id", "status", "revision", "approvedInVersion")) {
            var goal = new HashMap<>(PlanApi.goal("Yksinäisyys vähenee", 4284));
            goal.put(owned, "x");
            assertRefused(addGoal(goal), HttpStatus.BAD_REQUEST, owned);
        }
        var plan = Map.of("region", "HVA-4", "title", "x", "termStart", 2026, "termEnd", 2029, "approval", Map.of());
        assertRefused(api.post(coordinator, plan, "/api/plans"), HttpStatus.BAD_REQUEST, "approval");
    }

    @Test
    void refusesTwoSectionsForOneAgeGroup() {
        var plan = Map.of(
                "region",
                "HVA-4",
                "title",
                "x",
                "termStart",
                2026,
                "termEnd",
                2029,
                "sections",
                List.of(
                        Map.of("ageGroup", "ELDERLY", "title", "Ikääntyneet"),
                        Map.of("ageGroup", "ELDERLY", "title", "Vanhukset")));
        assertRefused(
                api.post(coordinator, plan, "/api/plans"), HttpStatus.UNPROCESSABLE_CONTENT, "sections[1].ageGroup");
    }

    @Test
    void anUnreadableIndicatorEventGoesToTheDeadLetterTopic() {
        String key = "garbage-" + UUID.randomUUID();
        Topics.publish(TestInfrastructure.kafkaBootstrap(), PlanApi.INDICATOR_EVENTS, key, "not an event");

        var dead = Topics.read(
                TestInfrastructure.kafkaBootstrap(), "hyte.plan-service.dlq", key, 1, Duration.ofSeconds(60));
        assertThat(dead.getFirst().headers().lastHeader("x-exception-message")).isNotNull();
        assertThat(catalogue.current()).as("the catalogue learnt stays").isPresent();
    }
}
