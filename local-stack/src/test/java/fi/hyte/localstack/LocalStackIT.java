package fi.hyte.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.hyte.localstack.process.ChildState;
import fi.hyte.localstack.process.ChildStatus;
import fi.hyte.localstack.testing.TestJars;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher in-process, as the end-to-end test runs it: other ports, a temporary data directory, and jars of a
 * {@linkplain fi.hyte.localstack.testing.FakeService fake service} in place of the five real ones.
 */
class LocalStackIT {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> SERVICES = ServiceCatalog.NAMES;

    @TempDir
    Path repo;

    private final int kafkaPort = TestJars.freePortPair();
    private final List<Integer> ports = TestJars.freePorts(2 + SERVICES.size(), kafkaPort, kafkaPort + 1);
    private final int authPort = ports.get(0);
    private final int mongoPort = ports.get(1);
    private final List<Integer> servicePorts = ports.subList(2, ports.size());
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext context;

    @BeforeEach
    void buildFakeServices() throws IOException {
        Files.writeString(repo.resolve("mvnw"), "");
        SERVICES.forEach(module -> TestJars.fakeServiceJar(repo, module, false));
    }

    @AfterEach
    void stopStack() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void startsEveryComponentAndTellsEachServiceWhereTheOthersAre() throws Exception {
        LocalStack stack = start();

        StackReadyEvent ready = stack.awaitReady(READY_TIMEOUT);

        assertThat(ready.components())
                .extracting(ChildStatus::name)
                .containsExactly(
                        "issuer",
                        "mongo",
                        "kafka",
                        "plan-service",
                        "action-service",
                        "indicator-service",
                        "report-service",
                        "gateway");
        assertThat(ready.components()).allSatisfy(c -> assertThat(c.state()).isEqualTo(ChildState.UP));
        assertThat(environmentOf(SERVICES.indexOf("plan-service")))
                .containsEntry("SERVER_PORT", String.valueOf(port("plan-service")))
                .containsEntry("MONGODB_URI", "mongodb://localhost:" + mongoPort + "/hyte-plan")
                .containsEntry("KAFKA_BOOTSTRAP", "localhost:" + kafkaPort)
                .containsEntry("JWT_ISSUER_URI", "http://localhost:" + authPort)
                .containsEntry("JWT_JWK_SET_URI", "http://localhost:" + authPort + "/oauth2/jwks");
        assertThat(environmentOf(SERVICES.indexOf("gateway")))
                .containsEntry("REPORT_SERVICE_URI", "http://localhost:" + port("report-service"))
                .containsEntry("AUTH_SERVER_URI", "http://localhost:" + authPort);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort))) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .hasSize(1);
        }
        assertThat(get(authPort, "/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void stopsEveryChildProcessAndKeepsTheDataForTheNextStart() throws Exception {
        LocalStack stack = start();
        stack.awaitReady(READY_TIMEOUT);
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            mongo.getDatabase("hyte-plan").getCollection("plans").insertOne(new Document("_id", "plan-1"));
        }
        String clusterId = Files.readString(repo.resolve("data/kafka/meta.properties"));
        String key = Files.readString(repo.resolve("data/issuer/jwk.json"));
        List<Long> pids = childPids(stack);

        context.close();
        context = null;

        assertThat(pids)
                .hasSize(6)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
        assertThat(ProcessHandle.current().children()).isEmpty();
        assertThat(isFree(mongoPort)).isTrue();
        assertThat(isFree(kafkaPort)).isTrue();

        stack = start();
        stack.awaitReady(READY_TIMEOUT);
        assertThat(repo.resolve("data/kafka/meta.properties")).hasContent(clusterId);
        assertThat(repo.resolve("data/issuer/jwk.json")).hasContent(key);
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            assertThat(mongo.getDatabase("hyte-plan").getCollection("plans").countDocuments())
                    .isEqualTo(1);
        }
    }

    @Test
    void startsFromEmptyWhenFresh() throws Exception {
        start().awaitReady(READY_TIMEOUT);
        String key = Files.readString(repo.resolve("data/issuer/jwk.json"));
        context.close();

        start("--hyte.local.fresh=true").awaitReady(READY_TIMEOUT);

        assertThat(repo.resolve("data/issuer/jwk.json")).content().isNotEqualTo(key);
    }

    @Test
    void restartsAKilledServiceAndControlsEachChildByName() throws Exception {
        LocalStack stack = start();
        stack.awaitReady(READY_TIMEOUT);
        long reportPid = stack.status("report-service").pid();

        stack.kill("report-service");

        assertThat(stack.awaitHealthy("report-service", Duration.ofSeconds(30))).isTrue();
        assertThat(stack.status("report-service").pid()).isNotEqualTo(reportPid);
        assertThat(stack.status("report-service").restarts()).isEqualTo(1);

        stack.stop("gateway");
        assertThat(stack.status("gateway").state()).isEqualTo(ChildState.STOPPED);
        assertThat(isFree(port("gateway"))).isTrue();
        stack.start("gateway");
        assertThat(stack.awaitHealthy("gateway", Duration.ofSeconds(30))).isTrue();

        long kafkaPid = stack.status("kafka").pid();
        stack.restart("kafka");
        assertThat(stack.awaitHealthy("kafka", Duration.ofSeconds(60))).isTrue();
        assertThat(stack.status("kafka").pid()).isNotEqualTo(kafkaPid);
    }

    @Test
    void failsWithTheLogOfAServiceThatKeepsCrashingAndStopsTheRest() throws Exception {
        TestJars.fakeServiceJar(repo, "indicator-service", true);
        LocalStack stack = start();

        assertThatThrownBy(() -> stack.awaitReady(READY_TIMEOUT))
                .isInstanceOfSatisfying(StackStartupException.class, failure -> {
                    assertThat(failure.component()).isEqualTo("indicator-service");
                    assertThat(failure.getMessage()).contains("exited 3 times", "exit code 3");
                    assertThat(failure.logTail()).contains("fake: crashing with exit code 3");
                });
        assertThat(stack.status())
                .filteredOn(c -> !c.name().equals("issuer"))
                .allSatisfy(c -> assertThat(c.state()).isEqualTo(ChildState.STOPPED));
        assertThat(ProcessHandle.current().children()).isEmpty();
    }

    @Test
    void failsBeforeStartingAnythingWhenAServiceJarIsMissing() throws Exception {
        Files.delete(repo.resolve("gateway/target/gateway-0.1.0-SNAPSHOT.jar"));
        LocalStack stack = start();

        assertThatThrownBy(() -> stack.awaitReady(Duration.ofSeconds(30)))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("gateway")
                .hasMessageContaining("./mvnw -DskipTests install");
        assertThat(stack.status()).extracting(ChildStatus::name).containsExactly("issuer", "mongo");
        assertThat(isFree(mongoPort)).isTrue();
    }

    private LocalStack start(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--hyte.local.repo-root=" + repo,
                "--hyte.local.data-dir=" + repo.resolve("data"),
                "--hyte.local.auth-port=" + authPort,
                "--hyte.local.mongo-port=" + mongoPort,
                "--hyte.local.kafka-port=" + kafkaPort,
                "--hyte.local.plan-port=" + port("plan-service"),
                "--hyte.local.action-port=" + port("action-service"),
                "--hyte.local.indicator-port=" + port("indicator-service"),
                "--hyte.local.report-port=" + port("report-service"),
                "--hyte.local.gateway-port=" + port("gateway"),
                // The fake services need no more than this.
                "--hyte.local.service-jvm-options=-Xmx32m,-XX:TieredStopAtLevel=1,-XX:+UseSerialGC",
                "--hyte.local.health-timeout=60s",
                "--hyte.local.demo=false"));
        args.addAll(List.of(extra));
        context = new SpringApplicationBuilder(LocalStackApplication.class).run(args.toArray(String[]::new));
        return context.getBean(LocalStack.class);
    }

    private int port(String service) {
        return servicePorts.get(SERVICES.indexOf(service));
    }

    private Map<String, String> environmentOf(int serviceIndex) throws Exception {
        JsonNode env = JsonMapper.shared()
                .readTree(get(servicePorts.get(serviceIndex), "/env").body());
        return env.propertyStream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().asString()));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Long> childPids(LocalStack stack) {
        return stack.status().stream()
                .filter(c -> !List.of("issuer", "mongo").contains(c.name()))
                .map(ChildStatus::pid)
                .toList();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
