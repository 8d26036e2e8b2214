package fi.hyte.localstack.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import fi.hyte.localstack.LocalStack;
import fi.hyte.localstack.LocalStackApplication;
import fi.hyte.localstack.LocalStackProperties;
import fi.hyte.localstack.testing.TestJars;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thin flow through everything, on the real parts the README's run command starts: the five service
 * jars as processes, a Kafka broker process, the Mongo-wire server and the development issuer, all driven
 * through the gateway with tokens from {@code /oauth2/token}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThinFlowIT {

    private static final JsonMapper json = JsonMapper.shared();

    private Path data;
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext context;
    private String gateway;
    private List<Integer> ports;
    private int kafkaPort;
    /** A stand-in OpenTelemetry collector: the OTLP/HTTP trace exports of every service, as received. */
    private HttpServer collector;

    private final List<byte[]> exportedSpans = new CopyOnWriteArrayList<>();

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
        data = Files.createTempDirectory("hyte-thin-flow");
        kafkaPort = TestJars.freePortPair();
        ports = TestJars.freePorts(7, kafkaPort, kafkaPort + 1);
        gateway = "http://localhost:" + ports.get(2);
        collector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exportedSpans.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        // the services' default JVM options, plus where to export their spans
        List<String> jvm = new ArrayList<>(new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("hyte.local", LocalStackProperties.class)
                .serviceJvmOptions());
        jvm.add("-Dmanagement.opentelemetry.tracing.export.otlp.endpoint=http://localhost:"
                + collector.getAddress().getPort() + "/v1/traces");
        context = new SpringApplicationBuilder(LocalStackApplication.class)
                .run(
                        "--hyte.local.repo-root=" + repo,
                        "--hyte.local.data-dir=" + data,
                        "--hyte.local.auth-port=" + ports.get(0),
                        "--hyte.local.mongo-port=" + ports.get(1),
                        "--hyte.local.kafka-port=" + kafkaPort,
                        "--hyte.local.gateway-port=" + ports.get(2),
                        "--hyte.local.plan-port=" + ports.get(3),
                        "--hyte.local.action-port=" + ports.get(4),
                        "--hyte.local.indicator-port=" + ports.get(5),
                        "--hyte.local.report-port=" + ports.get(6),
                        "--hyte.local.service-jvm-options=" + String.join(",", jvm),
                        // a shared CI machine under load can take minutes to start five JVMs
                        "--hyte.local.health-timeout=420s");
        context.getBean(LocalStack.class).awaitReady(Duration.ofMinutes(8));
    }

    @AfterAll
    void stopTheStack() {
        if (context != null) {
            context.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
        if (data != null) {
            FileSystemUtils.deleteRecursively(data.toFile());
        }
    }

    @Test
    void aGoalItsCompletedActionAndAFedValueShowInTheAnnualReport() throws Exception {
        String coordinator = token("coordinator");
        String vantaa = token("owner-vantaa");
        String integrator = token("integrator");
        String viewer = token("viewer");

        var plan = send("POST", "/api/plans", coordinator, """
                {"region": "HVA-4", "title": "Vantaan ja Keravan hyvinvointisuunnitelma",
                 "termStart": 2026, "termEnd": 2029}""");
        assertThat(plan.statusCode()).isEqualTo(201);
        String planId = body(plan).get("id").asString();
        var goal = send("POST", "/api/plans/" + planId + "/goals", coordinator, """
                {"title": "Yksinäisyyden kokemus vähenee", "ageGroup": "CHILDREN_AND_YOUTH",
                 "riskGroups": ["nuoret"],
                 "measures": [{"indicator": 4284, "baseline": {"year": 2023, "value": 12.5},
                               "target": {"year": 2029, "value": 9.0}, "direction": "DECREASE"}]}""");
        assertThat(goal.statusCode()).isEqualTo(201);
        String goalId = body(goal).get("id").asString();
        var approval = send("POST", "/api/plans/" + planId + "/approval", coordinator, """
                {"decisionBody": "aluevaltuusto", "decisionDate": "2025-12-15", "reference": "AV § 45"}""");
        assertThat(body(approval).get("status").asString()).isEqualTo("APPROVED");

        // action-service learns of the approved goal from hyte.plan.events, not by asking plan-service
        String action = """
                {"goalId": "%s", "title": "Ilmiötyöpaja yksinäisyydestä", "kind": "WORKSHOP",
                 "organisation": "vantaa", "responsiblePerson": "Hyvinvointikoordinaattori",
                 "start": "2026-01-15", "due": "2026-12-15"}""".formatted(goalId);
        String[] actionId = new String[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var created = send("POST", "/api/actions", vantaa, action);
                    if (created.statusCode() == 201) {
                        actionId[0] = body(created).get("id").asString();
                    }
                    return actionId[0] != null;
                });
        assertThat(send("POST", "/api/actions/" + actionId[0] + "/start", vantaa, null)
                        .statusCode())
                .isEqualTo(200);
        var completed = send("POST", "/api/actions/" + actionId[0] + "/complete", vantaa, "{\"note\": \"pidetty\"}");
        assertThat(body(completed).get("status").asString()).isEqualTo("COMPLETED");

        var feed = send("POST", "/api/indicator-feeds", integrator, """
                [{"indicator": 4284, "regionCode": "HVA-4", "year": 2025, "gender": "total", "value": 11.2}]""");
        assertThat(feed.statusCode()).isEqualTo(202);
        String feedLocation = feed.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode progress = body(send(
                            "GET", URI.create(gateway).resolve(feedLocation).getPath(), integrator, null));
                    assertThat(progress.get("status").asString()).isEqualTo("COMPLETED");
                    assertThat(progress.get("changed").asInt()).isEqualTo(1);
                });

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode report = body(send("GET", "/api/reports/HVA-4/2026", viewer, null));
                    JsonNode reported = null;
                    for (JsonNode g : report.get("goals")) {
                        if (g.get("goalId").asString().equals(goalId)) {
                            reported = g;
                        }
                    }
                    assertThat(reported).as("goal %s in the report", goalId).isNotNull();
                    assertThat(reported.at("/actions/completed").asInt()).isEqualTo(1);
                    assertThat(reported.at("/actions/list/0/id").asString()).isEqualTo(actionId[0]);
                    assertThat(reported.at("/measures/0/latest/value").asDouble())
                            .isEqualTo(11.2);
                    assertThat(reported.at("/measures/0/assessment").asString()).isEqualTo("ON_TRACK");
                });
    }

    @Test
    void loadsTheDemoDataSetThroughTheApiOnce() throws Exception {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Files.exists(data.resolve("demo-loaded")));
        String viewer = token("viewer");

        JsonNode keusote = body(send("GET", "/api/plans?region=HVA-2", viewer, null));
        assertThat(keusote).hasSize(1);
        assertThat(keusote.get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(keusote.get(0).get("goals")).hasSize(7);

        JsonNode overdue = body(send("GET", "/api/actions?overdue=true", viewer, null));
        assertThat(overdue).isNotEmpty();
        var organisations = new java.util.HashSet<String>();
        body(send("GET", "/api/actions?region=HVA-4&size=100", viewer, null))
                .forEach(a -> organisations.add(a.get("organisation").asString()));
        assertThat(organisations).contains("vantaa", "kerava", "hus", "mll-uusimaa");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode report = body(send("GET", "/api/reports/HVA-2/2020", viewer, null));
                    assertThat(report.get("goals")).hasSize(7);
                    var assessments = new java.util.HashSet<String>();
                    report.get("goals")
                            .forEach(g -> g.get("measures")
                                    .forEach(m ->
                                            assessments.add(m.get("assessment").asString())));
                    assertThat(assessments)
                            .as("the demo series show every kind of progress")
                            .contains("ON_TRACK", "OFF_TRACK", "ACHIEVED");
                });
    }

    @Test
    void refusesAnonymousRequestsToTheApi() throws Exception {
        for (String path : List.of("/api/plans", "/api/actions", "/api/indicator-feeds/x", "/api/reports/HVA-4/2026")) {
            var response = send("GET", path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void oneRequestsTraceRunsFromTheGatewayThroughTheServiceAndKafkaIntoTheConsumers() throws Exception {
        String coordinator = token("coordinator");
        String planId =
                body(send("POST", "/api/plans", coordinator, """
                        {"region": "HVA-4", "title": "Jäljitetty suunnitelma", "termStart": 2026, "termEnd": 2029}""")).get("id").asString();
        assertThat(send("POST", "/api/plans/" + planId + "/goals", coordinator, """
                        {"title": "Liikkumattomuus vähenee", "ageGroup": "WORKING_AGE", "riskGroups": [],
                         "measures": [{"indicator": 4284, "baseline": {"year": 2023, "value": 12.5},
                                       "target": {"year": 2029, "value": 9.0}, "direction": "DECREASE"}]}""")
                        .statusCode())
                .isEqualTo(201);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String correlationId = "thin-flow-" + UUID.randomUUID();

        var approval = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/plans/" + planId + "/approval"))
                        .header("Authorization", "Bearer " + coordinator)
                        .header("Content-Type", "application/json")
                        .header(
                                "traceparent",
                                "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                        .header("X-Correlation-Id", correlationId)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"decisionBody": "aluevaltuusto", "decisionDate": "2025-12-15", "reference": "AV § 7"}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);

        // each service exports its own spans; the trace id is in them as 16 raw bytes (OTLP protobuf)
        byte[] trace = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(List.of("gateway", "plan-service"))
                        .as("services with a span of trace %s", traceId)
                        .allMatch(service -> exportedSpans.stream()
                                .anyMatch(export -> contains(export, trace)
                                        && contains(export, service.getBytes(StandardCharsets.UTF_8)))));
        // the events the approval caused carry the trace on into Kafka, in the W3C traceparent header
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort),
                new StringDeserializer(),
                new StringDeserializer())) {
            var partitions = consumer.partitionsFor("hyte.plan.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var traced = new ArrayList<String>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var header = record.headers().lastHeader("traceparent");
                    if (header != null && new String(header.value(), StandardCharsets.UTF_8).contains(traceId)) {
                        traced.add(record.value());
                    }
                }
                return traced.stream().anyMatch(event -> event.contains("\"goal.approved\""));
            });
        }
        // the consumers of hyte.plan.events continue the trace: each exports a CONSUMER span of the trace whose
        // parent chain leads to the plan-service span that raised the event (report-service's own spans as well as
        // action-service's and indicator-service's, whatever mode their bindings consume in)
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, OtlpSpans.Span> spans = new java.util.HashMap<>();
                    exportedSpans.stream()
                            .filter(export -> contains(export, trace))
                            .flatMap(export -> OtlpSpans.read(export).stream())
                            .filter(span -> span.traceId().equals(traceId))
                            .forEach(span -> spans.put(span.spanId(), span));
                    for (String consumer : List.of("report-service", "action-service", "indicator-service")) {
                        assertThat(spans.values())
                                .as(
                                        "%s's consumer spans of trace %s, led to from plan-service (spans: %s)",
                                        consumer, traceId, spans.values())
                                .anyMatch(span -> span.service().equals(consumer)
                                        && span.kind() == OtlpSpans.CONSUMER
                                        && span.name().equals("hyte.plan.events process")
                                        && ledToFrom("plan-service", span, spans));
                    }
                });
        // and the correlation id and the trace id are on plan-service's log line about the approval
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                Files.readAllLines(data.resolve("logs").resolve("plan-service.log")))
                        .anyMatch(line ->
                                line.contains(correlationId) && line.contains(traceId) && line.contains("approved")));
    }

    @Test
    void everyServiceShowsOperatorsItsMetrics() throws Exception {
        String ops = token("ops");
        Map<String, Integer> services = Map.of(
                "gateway", ports.get(2),
                "plan-service", ports.get(3),
                "action-service", ports.get(4),
                "indicator-service", ports.get(5),
                "report-service", ports.get(6));
        // HTTP latency as histogram buckets (percentiles need them); consumer lag per partition from the Kafka
        // clients of the binder's consumers and per group and topic from the binder
        Map<String, List<String>> expected = Map.of(
                "gateway",
                        List.of(
                                "http_server_requests_seconds_count",
                                "http_server_requests_seconds_bucket",
                                "resilience4j_circuitbreaker_state"),
                "plan-service",
                        List.of(
                                "http_server_requests_seconds_count",
                                "http_server_requests_seconds_bucket",
                                "hyte_outbox_pending",
                                "hyte_outbox_published_total",
                                "hyte_dead_letters"),
                "action-service",
                        List.of(
                                "http_server_requests_seconds_bucket",
                                "hyte_outbox_pending",
                                "hyte_dead_letters",
                                "kafka_consumer_fetch_manager_records_lag",
                                "spring_cloud_stream_binder_kafka_offset"),
                "indicator-service",
                        List.of(
                                "hyte_outbox_pending",
                                "hyte_feed_rows_total",
                                "hyte_dead_letters",
                                "kafka_consumer_fetch_manager_records_lag",
                                "spring_cloud_stream_binder_kafka_offset"),
                "report-service",
                        List.of(
                                "http_server_requests_seconds_bucket",
                                "hyte_projection_lag_seconds_bucket",
                                "hyte_dead_letters",
                                "hyte_live_clients",
                                "kafka_consumer_fetch_manager_records_lag",
                                "spring_cloud_stream_binder_kafka_offset"));
        // the thin flow's own requests and events have passed through by now in most orders; wait for stragglers
        send("POST", "/api/indicator-feeds", token("integrator"), """
                [{"indicator": 4284, "regionCode": "245", "year": 2024, "gender": "total", "value": 10.5}]""");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> services.forEach((service, port) -> {
                    HttpResponse<String> scrape;
                    try {
                        scrape = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                        .header("Authorization", "Bearer " + ops)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    assertThat(scrape.statusCode()).as(service).isEqualTo(200);
                    assertThat(scrape.body()).as(service).contains(expected.get(service));
                }));
    }

    /** Whether the span's parent chain reaches a span of the service. */
    private static boolean ledToFrom(String service, OtlpSpans.Span span, Map<String, OtlpSpans.Span> spans) {
        for (var parent = spans.get(span.parentSpanId()); parent != null; parent = spans.get(parent.parentSpanId())) {
            if (parent.service().equals(service)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Test
    void refusesMalformedInputOnEveryStepOfTheFlowNamingTheProblem() throws Exception {
        String coordinator = token("coordinator");
        assertRefused(send("POST", "/api/plans", coordinator, "{\"region\": \"HVA-4\", \"termStart\": "), 400);
        assertRefused(send("POST", "/api/plans", coordinator, "{\"region\": \"HVA-4\", \"title\": \"x\"}"), 400);
        assertRefused(send("POST", "/api/plans/nope/goals", coordinator, "{}"), 400);
        assertRefused(send("POST", "/api/plans/nope/approval", coordinator, "{\"decisionDate\": \"yesterday\"}"), 400);
        assertRefused(send("POST", "/api/actions", token("owner-vantaa"), "{\"goalId\": \"g\", \"due\": 3}"), 400);
        assertRefused(
                send("POST", "/api/actions/nope/progress", token("owner-vantaa"), "{\"percentComplete\": 101}"), 400);
        assertRefused(send("POST", "/api/indicator-feeds", token("integrator"), "[{\"indicator\": "), 400);
        assertRefused(send("GET", "/api/reports/HVA-4/1066", token("viewer"), null), 400);
    }

    private static void assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\"");
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
