package fi.hyte.report.dashboard;

import static fi.hyte.report.live.Envelopes.envelope;
import static fi.hyte.report.live.Envelopes.indicatorUpdated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.report.live.Envelopes;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in real headless Chromium against report-service on real Kafka and the Mongo-wire server:
 * events published to the topics change the open page (goal status, chart, action counts, at-risk marker)
 * without a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dashboard-browser-it");
    }

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOpenPageFollowsValuesActionsAndRisksWithoutReload() {
        String region = Envelopes.region("HVA");
        String planId = UUID.randomUUID().toString();
        String goalId = UUID.randomUUID().toString();
        String actionId = UUID.randomUUID().toString();
        String valueKey = "4284:" + region + ":2025:total";
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
        publish("hyte.action.events", actionId, action(actionId, goalId, region, 1, "action.planned", "PLANNED"));
        await().atMost(WAIT).until(() -> report(region).get("goals").size() == 1);

        browser.get("http://localhost:" + port + "/dashboard?region=" + region + "&year=2026&access_token="
                + TestTokens.viewer("HVA-4"));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
        assertThat(browser.getCurrentUrl())
                .as("the token is taken out of the address bar")
                .doesNotContain("access_token");
        awaitPage(() -> attribute("#connection", "data-state").equals("live"));
        awaitPage(() -> goal(goalId).getAttribute("data-status").equals("INSUFFICIENT_DATA"));
        awaitPage(() -> measure(goalId).getAttribute("data-points").equals("0"));
        awaitPage(() -> actions(goalId).getAttribute("data-total").equals("1"));
        awaitPage(() -> actions(goalId).getAttribute("data-completed").equals("0"));
        awaitPage(() -> goal(goalId).getAttribute("data-at-risk").equals("false"));

        // a value ahead of the straight path: a point on the chart, on track
        publish(
                "hyte.indicator.events",
                valueKey,
                indicatorUpdated(UUID.randomUUID().toString(), 1, 4284, region, 2025, 11.2, null));
        awaitPage(() -> measure(goalId).getAttribute("data-points").equals("1"));
        awaitPage(() -> goal(goalId).getAttribute("data-status").equals("ON_TRACK"));
        awaitPage(() -> goal(goalId).findElements(By.cssSelector("svg .point")).size() == 1);

        // the action starts and completes
        publish("hyte.action.events", actionId, action(actionId, goalId, region, 2, "action.started", "IN_PROGRESS"));
        awaitPage(() -> actions(goalId).getAttribute("data-in-progress").equals("1"));
        publish("hyte.action.events", actionId, action(actionId, goalId, region, 3, "action.completed", "COMPLETED"));
        awaitPage(() -> actions(goalId).getAttribute("data-completed").equals("1"));

        // the value is revised upwards, against the goal: at risk, and behind the path
        publish(
                "hyte.indicator.events",
                valueKey,
                indicatorUpdated(UUID.randomUUID().toString(), 2, 4284, region, 2025, 12.0, 11.2));
        awaitPage(() -> goal(goalId).getAttribute("data-at-risk").equals("true"));
        awaitPage(() ->
                goal(goalId).findElements(By.cssSelector(".at-risk-marker")).size() == 1);
        awaitPage(() -> goal(goalId).getAttribute("data-status").equals("OFF_TRACK"));
        awaitPage(() -> measure(goalId).getAttribute("data-latest").equals("12"));

        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"))
                .as("the page was never reloaded")
                .isEqualTo(true);
    }

    @Test
    void thePageNeedsAToken() {
        browser.get("http://localhost:" + port + "/dashboard?region=HVA-4");
        assertThat(browser.getPageSource()).contains("Authentication required");
    }

    private static String action(
            String actionId, String goalId, String region, long version, String type, String status) {
        return envelope(UUID.randomUUID().toString(), type, actionId, version, region, """
                {"actionId":"%s","goalId":"%s","region":"%s","title":"Ilmiötyöpaja","kind":"WORKSHOP",\
                "organisation":"vantaa","start":"2026-01-15","due":"2099-12-15","status":"%s"}""".formatted(
                        actionId, goalId, region, status));
    }

    /** The page re-renders as events arrive: an element read a moment ago may be gone (stale), so every read waits. */
    private void awaitPage(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(condition);
    }

    private String attribute(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getAttribute(name);
    }

    private WebElement goal(String goalId) {
        return browser.findElement(By.cssSelector("section.goal[data-goal-id='" + goalId + "']"));
    }

    private WebElement measure(String goalId) {
        return goal(goalId).findElement(By.cssSelector("figure.measure"));
    }

    private WebElement actions(String goalId) {
        return goal(goalId).findElement(By.cssSelector(".actions"));
    }

    private JsonNode report(String region) {
        return RestClient.create("http://localhost:" + port)
                .get()
                .uri("/api/reports/{region}/2026", region)
                .headers(h -> h.setBearerAuth(TestTokens.viewer("HVA-4")))
                .retrieve()
                .body(JsonNode.class);
    }

    private static void publish(String topic, String key, String value) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), topic, key, value);
    }
}
