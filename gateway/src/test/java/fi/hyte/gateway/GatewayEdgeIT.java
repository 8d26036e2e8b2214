package fi.hyte.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's protections against real HTTP stand-ins for the services: every route in the table is live,
 * the function-level role table, bad tokens, breakers, retries, the bulkhead, the feed rate limit, body,
 * header and nesting limits, the actuator lockdown, the aggregated API document and server-sent events
 * passed through as they come.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "HYTE_GATEWAY_BULKHEAD=3",
            "HYTE_GATEWAY_FEED_RATE_LIMIT=3",
            "HYTE_GATEWAY_FEED_MAX_BODY_SIZE=3MB",
            "HYTE_GATEWAY_BREAKER_MIN_CALLS=3",
            "HYTE_GATEWAY_RESPONSE_TIMEOUT=1s"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEdgeIT {

    static final JsonMapper json = JsonMapper.shared();
    static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    static final List<String> reached = new CopyOnWriteArrayList<>();
    static final AtomicLong lastBodyBytes = new AtomicLong();
    static final HttpServer backend = backend();
    static final HttpServer actionBackend = backend();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String uri = "http://localhost:" + backend.getAddress().getPort();
        registry.add("PLAN_SERVICE_URI", () -> uri);
        registry.add(
                "ACTION_SERVICE_URI",
                () -> "http://localhost:" + actionBackend.getAddress().getPort());
        registry.add("INDICATOR_SERVICE_URI", () -> uri);
        registry.add("REPORT_SERVICE_URI", () -> uri);
        registry.add("AUTH_SERVER_URI", () -> uri);
        registry.add("hyte.gateway.api-docs.report-service", () -> "http://localhost:" + closedPort());
        registry.add("JWT_ISSUER_URI", EdgeTokens::issuer);
        registry.add("JWT_JWK_SET_URI", EdgeTokens::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    RouteLocator routes;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        backend.stop(0);
        actionBackend.stop(0);
    }

    // ------------------------------------------------------------------ routes and roles

    /** One concrete request per route id; a route added to the table without one here fails the test. */
    static final Map<String, Request> SAMPLES = Map.ofEntries(
            Map.entry("token", new Request("POST", "/oauth2/token", null, "grant_type=client_credentials")),
            Map.entry("plans", new Request("GET", "/api/plans/p-1", "viewer", null)),
            Map.entry("actions", new Request("GET", "/api/actions/a-1", "viewer", null)),
            Map.entry("goal-actions", new Request("GET", "/api/goals/g-1/actions", "owner", null)),
            Map.entry("organisations", new Request("GET", "/api/organisations", "integrator", null)),
            Map.entry("catalogues", new Request("GET", "/api/indicators/4284/values", "integrator", null)),
            Map.entry("feed-submission", new Request("POST", "/api/indicator-feeds", "integrator", "[]")),
            Map.entry("feeds", new Request("GET", "/api/indicator-feeds/f-1", "integrator", null)),
            Map.entry("events", new Request("GET", "/api/events?region=HVA-4", "viewer", null)),
            Map.entry("dashboard", new Request("GET", "/dashboard", "viewer", null)),
            Map.entry("reports", new Request("GET", "/api/reports/HVA-4/2026", "owner", null)));

    record Request(String method, String path, String role, String body) {}

    @Test
    @Order(1)
    void everyRouteInTheTableIsLiveAndReachesItsService() throws Exception {
        List<String> ids = routes.getRoutes().map(Route::getId).collectList().block();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
        for (String id : ids) {
            Request sample = SAMPLES.get(id);
            reached.clear();
            var response = send(
                    sample.method(),
                    sample.path(),
                    sample.role() == null ? null : EdgeTokens.token(sample.role() + "-live", sample.role()),
                    sample.body());
            assertThat(response.statusCode()).as("%s %s", id, response.body()).isBetween(200, 299);
            assertThat(reached).as("route %s reached its service", id).isNotEmpty();
        }
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("viewer", "POST", "/api/plans"),
                Arguments.of("owner", "PUT", "/api/plans/p-1"),
                Arguments.of("integrator", "GET", "/api/plans"),
                Arguments.of("viewer", "POST", "/api/actions"),
                Arguments.of("integrator", "POST", "/api/actions/a-1/start"),
                Arguments.of("coordinator", "POST", "/api/indicator-feeds"),
                Arguments.of("owner", "GET", "/api/indicator-feeds/f-1"),
                Arguments.of("owner", "POST", "/api/reports/HVA-4/2026/publication"),
                Arguments.of("integrator", "GET", "/api/reports/HVA-4/2026"),
                Arguments.of("integrator", "GET", "/api/events"),
                Arguments.of("coordinator", "DELETE", "/api/plans/p-1"));
    }

    @ParameterizedTest(name = "{0} {1} {2} is 403")
    @MethodSource
    @Order(2)
    void forbidden(String role, String method, String path) throws Exception {
        reached.clear();
        var response =
                send(method, path, EdgeTokens.token(role + "-f", role), "POST PUT".contains(method) ? "{}" : null);
        assertProblem(response, 403);
        assertThat(reached).as("refused at the edge").isEmpty();
    }

    // ------------------------------------------------------------------ authentication

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("alg none", (Supplier<String>) EdgeTokens::algNone),
                Arguments.of("broken signature", (Supplier<String>) EdgeTokens::signedByAnotherKey),
                Arguments.of("expired", (Supplier<String>) EdgeTokens::expired),
                Arguments.of("wrong issuer", (Supplier<String>) EdgeTokens::wrongIssuer),
                Arguments.of("wrong audience", (Supplier<String>) EdgeTokens::wrongAudience),
                Arguments.of("no roles claim", (Supplier<String>) EdgeTokens::withoutRoles),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-token"));
    }

    @ParameterizedTest(name = "{0}: 401")
    @MethodSource
    @Order(3)
    void badTokens(String kind, Supplier<String> token) throws Exception {
        reached.clear();
        assertProblem(send("GET", "/api/plans", token.get(), null), 401);
        assertThat(reached).isEmpty();
    }

    @Test
    @Order(3)
    void anonymousIsRefusedEverywhereButHealthTheTokenEndpointAndTheDocs() throws Exception {
        for (String path :
                List.of("/api/plans", "/api/events", "/dashboard", "/api/whatever", "/actuator/prometheus")) {
            assertProblem(send("GET", path, null, null), 401);
        }
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/fallback/plans", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void theTokenMayComeAsAQueryParameterOnlyForTheEventStreamAndTheDashboard() throws Exception {
        String viewer = EdgeTokens.token("viewer-q", "viewer");
        assertThat(send("GET", "/dashboard?access_token=" + viewer, null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/events?access_token=" + viewer, null, null).statusCode())
                .isEqualTo(200);
        assertProblem(send("GET", "/api/plans?access_token=" + viewer, null, null), 401);
        assertProblem(send("GET", "/api/reports/HVA-4/2026?access_token=" + viewer, null, null), 401);
    }

    // ------------------------------------------------------------------ actuator

    @Test
    @Order(3)
    void actuatorEndpointsOtherThanHealthNeedTheOpsRoleAndRouteMutationIsNotExposed() throws Exception {
        assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode())
                .isEqualTo(200);
        assertProblem(send("GET", "/actuator/prometheus", EdgeTokens.token("viewer-a", "viewer"), null), 403);
        assertProblem(send("GET", "/actuator/info", EdgeTokens.token("coord-a", "coordinator"), null), 403);
        String ops = EdgeTokens.token("ops", "ops");
        assertThat(send("GET", "/actuator/prometheus", ops, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/gateway/routes", ops, null).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/actuator/gateway/refresh", ops, "{}").statusCode())
                .isIn(404, 405);
    }

    // ------------------------------------------------------------------ limits

    @Test
    @Order(4)
    void refusesABodyOverTheBoundDeclaredOrChunkedWithoutForwardingIt() throws Exception {
        String coordinator = EdgeTokens.coordinator("HVA-4");
        byte[] big = jsonOf(1_200_000);
        reached.clear();
        assertProblem(send("POST", "/api/plans", coordinator, new String(big, StandardCharsets.UTF_8)), 413);
        assertThat(reached).isEmpty();
        var chunked = http.send(
                request("POST", "/api/plans", coordinator)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413);
    }

    @Test
    @Order(4)
    void feedsHaveTheirOwnLargerBoundAndAreStreamedThrough() throws Exception {
        String integrator = EdgeTokens.token("integrator-big", "integrator");
        byte[] twoMegabytes = jsonOf(2_000_000);
        var accepted = http.send(
                request("POST", "/api/indicator-feeds", integrator)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(twoMegabytes)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(lastBodyBytes.get()).isEqualTo(twoMegabytes.length);
        byte[] fourMegabytes = jsonOf(4_000_000);
        var refused = http.send(
                request("POST", "/api/indicator-feeds", integrator)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(fourMegabytes)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 413);
    }

    @Test
    @Order(4)
    void refusesJsonNestedTooDeeplyWith400() throws Exception {
        String deep = "[".repeat(100) + "]".repeat(100);
        var response = send("POST", "/api/plans", EdgeTokens.coordinator("HVA-4"), deep);
        assertProblem(response, 400);
        assertThat(response.body()).contains("nest");
        String shallowButTricky = "{\"title\":\"" + "[".repeat(100) + "\"}";
        assertThat(send("POST", "/api/plans", EdgeTokens.coordinator("HVA-4"), shallowButTricky)
                        .statusCode())
                .as("brackets inside strings do not count")
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void refusesOversizedHeadersWith431() throws Exception {
        var response = http.send(
                request("GET", "/api/plans", EdgeTokens.token("viewer-h", "viewer"))
                        .header("X-Padding", "x".repeat(20_000))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 431);
        var beyondNetty = http.send(
                request("GET", "/api/plans", EdgeTokens.token("viewer-h", "viewer"))
                        .header("X-Padding", "x".repeat(80_000))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(beyondNetty.statusCode()).as("Netty's own bound").isEqualTo(431);
    }

    // ------------------------------------------------------------------ resilience

    @Test
    @Order(5)
    void retriesAFailedGetButNeverAPost() throws Exception {
        String coordinator = EdgeTokens.coordinator("HVA-4");
        var get = send("GET", "/api/plans/flaky-get", coordinator, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(hits.get("GET /api/plans/flaky-get").get()).isEqualTo(2);
        var post = send("POST", "/api/plans/flaky-post/goals", coordinator, "{}");
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(hits.get("POST /api/plans/flaky-post/goals").get()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theRateLimiterRefusesAnIntegratorsFourthFeedInAPeriodWith429AndRetryAfter() throws Exception {
        String busy = EdgeTokens.token("integrator-busy", "integrator");
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/indicator-feeds", busy, "[]").statusCode())
                    .isEqualTo(202);
        }
        var limited = send("POST", "/api/indicator-feeds", busy, "[]");
        assertProblem(limited, 429);
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(send("POST", "/api/indicator-feeds", EdgeTokens.token("integrator-calm", "integrator"), "[]")
                        .statusCode())
                .as("another integrator has its own budget")
                .isEqualTo(202);
    }

    @Test
    @Order(5)
    void theBulkheadRefusesRequestsBeyondItsConcurrencyWith503() throws Exception {
        String viewer = EdgeTokens.token("viewer-b", "viewer");
        var calls = new ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 6; i++) {
            calls.add(http.sendAsync(
                    request("GET", "/api/reports/slow/" + i, viewer).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses =
                calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus.get(200)).as("%s", byStatus).isEqualTo(3L);
        assertThat(byStatus.get(503)).as("%s", byStatus).isEqualTo(3L);
        responses.stream()
                .filter(r -> r.statusCode() == 503)
                .forEach(r -> assertThat(r.body()).contains("busy"));
    }

    @Test
    @Order(6)
    void serverSentEventsArriveOneByOneBeforeTheServiceFinishes() throws Exception {
        long start = System.nanoTime();
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        var response = http.send(
                request("GET", "/api/events?region=HVA-4", null)
                        .header("Accept", "text/event-stream")
                        .uri(URI.create("http://localhost:" + port + "/api/events?access_token="
                                + EdgeTokens.token("viewer-sse", "viewer")))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        response.body().filter(line -> line.startsWith("data:")).forEach(line -> arrivals.add(System.nanoTime()));
        assertThat(arrivals).hasSize(4);
        long firstMs = (arrivals.get(0) - start) / 1_000_000;
        long lastMs = (arrivals.get(3) - start) / 1_000_000;
        // the service writes one event every 1.2 s and finishes after 3.6 s, beyond the 1 s response timeout
        // the other routes have here: the stream has none, and each event is passed on as it comes
        assertThat(firstMs).as("first event after %d ms", firstMs).isLessThan(1000);
        assertThat(lastMs - firstMs).as("events spread over the stream").isGreaterThan(3000);
    }

    @Test
    @Order(7)
    void servesOneMergedApiDocumentAndSaysWhichServiceIsMissing() throws Exception {
        var response = send("GET", "/v3/api-docs", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(response.body());
        assertThat(doc.at("/paths").has("/api/plans")).isTrue();
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(doc.at("/info/description").asString()).contains("left out: report-service");
        assertThat(send("GET", "/swagger-ui/index.html", null, null).statusCode())
                .isIn(200);
    }

    @Test
    @Order(9)
    void aServiceThatIsDownOpensItsBreakerAndIsAnsweredWithin100Ms() throws Exception {
        actionBackend.stop(0);
        String viewer = EdgeTokens.token("viewer-down", "viewer");
        for (int i = 0; i < 4; i++) {
            assertProblem(send("GET", "/api/actions", viewer, null), 503);
        }
        List<Long> durations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            var response = send("GET", "/api/actions/a-" + i, viewer, null);
            durations.add((System.nanoTime() - start) / 1_000_000);
            assertProblem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(durations.stream().sorted().toList().get(8))
                .as("answers with the breaker open: %s ms", durations)
                .isLessThan(100L);
    }

    // ------------------------------------------------------------------ helpers

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }

    private static byte[] jsonOf(int size) {
        var text = new StringBuilder(size + 16).append("{\"x\":\"");
        while (text.length() < size) {
            text.append("abcdefghij");
        }
        return text.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String method, String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.method(method, HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var builder = request(method, path, token);
        if (body != null) {
            builder.header(
                            "Content-Type",
                            path.startsWith("/oauth2") ? "application/x-www-form-urlencoded" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer backend() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", GatewayEdgeIT::handle);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        reached.add(method + " " + path);
        int count = hits.computeIfAbsent(method + " " + path, k -> new AtomicInteger())
                .incrementAndGet();
        long bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        lastBodyBytes.set(bytes);
        try {
            if (path.contains("/flaky-") && count == 1) {
                respond(exchange, 503, "{\"title\":\"not yet\"}");
            } else if (path.equals("/api/events")) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                var out = exchange.getResponseBody();
                for (int i = 1; i <= 4; i++) {
                    out.write(("id: " + i + "\nevent: goal.approved\ndata: {\"n\":" + i + "}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (i < 4) {
                        Thread.sleep(1200);
                    }
                }
                exchange.close();
            } else if (path.startsWith("/api/reports/slow")) {
                Thread.sleep(1500);
                respond(exchange, 200, "{}");
            } else if (path.equals("/v3/api-docs")) {
                respond(exchange, 200, """
                        {"openapi":"3.1.0","info":{"title":"a service","version":"1"},
                         "paths":{"/api/plans":{"get":{"responses":{"200":{"description":"plans"}}}}},
                         "components":{"schemas":{"Plan":{"type":"object"}}}}""");
            } else if (path.equals("/api/indicator-feeds") && method.equals("POST")) {
                respond(exchange, 202, "{\"bytes\":" + bytes + "}");
            } else {
                respond(exchange, 200, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
