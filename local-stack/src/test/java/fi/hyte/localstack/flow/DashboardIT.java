package fi.hyte.localstack.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.hyte.localstack.LocalStack;
import fi.hyte.localstack.LocalStackApplication;
import fi.hyte.localstack.testing.TestJars;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live dashboard on the real stack, through the gateway, in Debian's headless Chromium: a plan, an
 * approved goal and an action made through the API; then a feed, the action's start and completion and a
 * revised value change the open page without a reload. Also the event stream through the gateway: not
 * buffered, and resumable with {@code Last-Event-ID}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private static final JsonMapper json = JsonMapper.shared();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Path data;
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext context;
    private String gateway;

    @BeforeAll
    void startTheStack() throws Exception {
        Path repo = repositoryRoot();
        for (String module :
                List.of("plan-service", "action-service", "indicator-service", "report-service", "gateway")) {
            assertThat(Files.list(repo.resolve(module).resolve("target"))
                            .anyMatch(jar -> jar.getFileName().toString().matches(module + "-.*\\.jar")))
                    .as("%s is built (the reactor packages the services before this test)", module)
                    .isTrue();
        }
        data = Files.createTempDirectory("hyte-dashboard");
        int kafkaPort = TestJars.freePortPair();
        List<Integer> ports = TestJars.freePorts(7, kafkaPort, kafkaPort + 1);
        gateway = "http://localhost:" + ports.get(2);
        context = new SpringApplicationBuilder(LocalStackApplication.class)
                .run(
                        "--hyte.local.repo-root=" + repo,
                        "--hyte.local.data-dir=" + data,
                        "--hyte.local.demo=false",
                        "--hyte.local.auth-port=" + ports.get(0),
                        "--hyte.local.mongo-port=" + ports.get(1),
                        "--hyte.local.kafka-port=" + kafkaPort,
                        "--hyte.local.gateway-port=" + ports.get(2),
                        "--hyte.local.plan-port=" + ports.get(3),
                        "--hyte.local.action-port=" + ports.get(4),
                        "--hyte.local.indicator-port=" + ports.get(5),
                        "--hyte.local.report-port=" + ports.get(6));
        context.getBean(LocalStack.class).awaitReady(Duration.ofMinutes(4));
    }

    @AfterAll
    void stopTheStack() {
        if (context != null) {
            context.close();
        }
        if (data != null) {
            FileSystemUtils.deleteRecursively(data.toFile());
        }
    }

    @Test
    void theDashboardFollowsTheApiThroughTheGatewayWithoutReload() throws Exception {
        WebDriver browser = chromium();
        try {
            String coordinator = token("coordinator");
            String vantaa = token("owner-vantaa");
            String[] ids = goalWithAnAction(coordinator, vantaa, 4284);
            String goalId = ids[0];
            String actionId = ids[1];

            browser.get(gateway + "/dashboard?region=HVA-4&year=2026&access_token=" + token("viewer"));
            ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
            assertThat(browser.getCurrentUrl()).doesNotContain("access_token");
            awaitPage(() -> browser.findElement(By.id("connection"))
                    .getAttribute("data-state")
                    .equals("live"));
            awaitPage(() -> goal(browser, goalId).getAttribute("data-status").equals("INSUFFICIENT_DATA"));
            awaitPage(() -> actions(browser, goalId).getAttribute("data-total").equals("1"));
            awaitPage(() -> goal(browser, goalId).getAttribute("data-at-risk").equals("false"));

            feed(4284, 11.2);
            awaitPage(() -> measure(browser, goalId).getAttribute("data-points").equals("1"));
            awaitPage(() -> goal(browser, goalId).getAttribute("data-status").equals("ON_TRACK"));

            assertThat(send("POST", "/api/actions/" + actionId + "/start", vantaa, null)
                            .statusCode())
                    .isEqualTo(200);
            awaitPage(() ->
                    actions(browser, goalId).getAttribute("data-in-progress").equals("1"));
            assertThat(send("POST", "/api/actions/" + actionId + "/complete", vantaa, "{\"note\": \"pidetty\"}")
                            .statusCode())
                    .isEqualTo(200);
            awaitPage(() ->
                    actions(browser, goalId).getAttribute("data-completed").equals("1"));

            // the 2025 value is revised upwards: against the goal's direction
            feed(4284, 12.0);
            awaitPage(() -> goal(browser, goalId).getAttribute("data-at-risk").equals("true"));
            awaitPage(() -> goal(browser, goalId)
                            .findElements(By.cssSelector(".at-risk-marker"))
                            .size()
                    == 1);
            awaitPage(() -> goal(browser, goalId).getAttribute("data-status").equals("OFF_TRACK"));

            assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"))
                    .as("the page was never reloaded")
                    .isEqualTo(true);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theEventStreamPassesTheGatewayUnbufferedAndResumesFromLastEventId() throws Exception {
        String viewer = token("viewer");
        String stream = gateway + "/api/events?region=HVA-4&access_token=" + viewer;
        String lastId;
        try (var events = Sse.open(stream, null, null)) {
            assertThat(events.status()).isEqualTo(200);
            events.awaitComment("connected");
            long posted = System.nanoTime();
            feed(4459, 33.0);
            var first = events.next("indicator.updated", WAIT);
            assertThat(first)
                    .as("an event while the response is still open: the gateway does not buffer")
                    .isNotNull();
            System.out.printf(
                    "feed posted -> indicator.updated on the stream through the gateway: %d ms%n",
                    (System.nanoTime() - posted) / 1_000_000);
            assertThat(json.readTree(first[1]).at("/payload/indicator").asInt()).isEqualTo(4459);
            lastId = first[0];
        }
        feed(4459, 34.0);
        try (var events = Sse.open(gateway + "/api/events?region=HVA-4", viewer, lastId)) {
            var missed = events.next("indicator.updated", WAIT);
            assertThat(missed).as("the event published while disconnected").isNotNull();
            assertThat(Long.parseLong(missed[0])).isGreaterThan(Long.parseLong(lastId));
            assertThat(json.readTree(missed[1]).at("/payload/value").asDouble()).isEqualTo(34.0);
        }
        var refused = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/reports/HVA-4/2026?access_token=" + viewer))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(refused.statusCode())
                .as("query tokens only on the stream and the page")
                .isEqualTo(401);
    }

    /** A plan with one approved goal measured by {@code indicator} and one action of Vantaa's. */
    private String[] goalWithAnAction(String coordinator, String vantaa, int indicator) throws Exception {
        var plan = send("POST", "/api/plans", coordinator, """
                {"region": "HVA-4", "title": "Vantaan ja Keravan hyvinvointisuunnitelma",
                 "termStart": 2026, "termEnd": 2029}""");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String planId = body(plan).get("id").asString();
        var goal = send("POST", "/api/plans/" + planId + "/goals", coordinator, """
                {"title": "Yksinäisyyden kokemus vähenee", "ageGroup": "CHILDREN_AND_YOUTH",
                 "measures": [{"indicator": %d, "baseline": {"year": 2023, "value": 12.5},
                               "target": {"year": 2029, "value": 9.0}, "direction": "DECREASE"}]}""".formatted(indicator));
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        String goalId = body(goal).get("id").asString();
        var approval = send("POST", "/api/plans/" + planId + "/approval", coordinator, """
                {"decisionBody": "aluevaltuusto", "decisionDate": "2025-12-15", "reference": "AV § 45"}""");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);
        String action = """
                {"goalId": "%s", "title": "Ilmiötyöpaja yksinäisyydestä", "kind": "WORKSHOP",
                 "organisation": "vantaa", "responsiblePerson": "Hyvinvointikoordinaattori",
                 "start": "2026-01-15", "due": "2099-12-15"}""".formatted(goalId);
        String[] actionId = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            var created = send("POST", "/api/actions", vantaa, action);
            if (created.statusCode() == 201) {
                actionId[0] = body(created).get("id").asString();
            }
            return actionId[0] != null;
        });
        return new String[] {goalId, actionId[0]};
    }

    private void feed(int indicator, double value) throws Exception {
        var feed = send("POST", "/api/indicator-feeds", token("integrator"), """
                [{"indicator": %d, "regionCode": "HVA-4", "year": 2025, "gender": "total", "value": %s}]""".formatted(indicator, value));
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(202);
    }

    private static WebDriver chromium() throws Exception {
        assumeTrue(
                Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "no headless browser here: /usr/bin/chromium and /usr/bin/chromedriver are needed "
                        + "(apt-get install -y chromium chromium-driver; .ci/run installs them where apt works)");
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("hyte-chromium"));
        try {
            return new ChromeDriver(
                    new ChromeDriverService.Builder()
                            .usingDriverExecutable(DRIVER.toFile())
                            .usingAnyFreePort()
                            .build(),
                    options);
        } catch (WebDriverException e) {
            return abort("Chromium is installed but did not start: " + e.getMessage());
        }
    }

    private static void awaitPage(Callable<Boolean> condition) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(condition);
    }

    private static WebElement goal(WebDriver browser, String goalId) {
        return browser.findElement(By.cssSelector("section.goal[data-goal-id='" + goalId + "']"));
    }

    private static WebElement measure(WebDriver browser, String goalId) {
        return goal(browser, goalId).findElement(By.cssSelector("figure.measure"));
    }

    private static WebElement actions(WebDriver browser, String goalId) {
        return goal(browser, goalId).findElement(By.cssSelector(".actions"));
    }

    /** A minimal Server-Sent Events reader: {@code [id, data]} of events of one type. */
    private static final class Sse implements AutoCloseable {
        private final HttpResponse<InputStream> response;
        private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();

        private Sse(HttpResponse<InputStream> response) {
            this.response = response;
            Thread.ofVirtual().start(this::read);
        }

        static Sse open(String url, String bearer, String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            return new Sse(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        }

        int status() {
            return response.statusCode();
        }

        void awaitComment(String comment) throws InterruptedException {
            String seen;
            do {
                seen = comments.poll(30, TimeUnit.SECONDS);
            } while (seen != null && !seen.equals(comment));
            assertThat(seen).as("comment %s", comment).isEqualTo(comment);
        }

        String[] next(String type, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                String[] event = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && event[2].equals(type)) {
                    return event;
                }
            }
            return null;
        }

        private void read() {
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null, type = "message", data = null, line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data != null) {
                            events.add(new String[] {id, data, type});
                        }
                        id = null;
                        type = "message";
                        data = null;
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1).strip());
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        type = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data = line.substring(5).stripLeading();
                    }
                }
            } catch (java.io.IOException closed) {
                // closed by the test
            }
        }

        @Override
        public void close() throws java.io.IOException {
            response.body().close();
        }
    }

    private String token(String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":demo").getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(gateway + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("repository root above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }
}
