package fi.hyte.faults.fault;

import fi.hyte.localstack.LocalStackProperties;
import fi.hyte.localstack.process.JavaCommand;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * 9: a second instance of report-service (same jar, same groups, same database, its own port) started while the
 * load runs, kept until healthy and 10 s more, then stopped with SIGTERM: two rebalances of all its groups.
 */
public final class SecondInstance implements Fault {
    public int number() {
        return 9;
    }

    public String name() {
        return "second consumer instance started and stopped";
    }

    public String description() {
        return "a second report-service process joins its three consumer groups, works 10 s, leaves (SIGTERM):"
                + " two rebalances";
    }

    public Duration delay() {
        return Duration.ZERO; // it takes a while to start anyway
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        LocalStackProperties p = c.launcher().properties();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path jar;
        try (Stream<Path> files = Files.list(c.repositoryRoot().resolve("report-service/target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("report-service-.*\\.jar")
                            && !f.getFileName().toString().endsWith("-plain.jar"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()))
                    .orElseThrow();
        }
        List<String> command = JavaCommand.jar(jar, p.serviceJvmOptions(), List.of());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(
                        c.launcher().layout().logFile("report-service-2").toFile()));
        var env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP", p.kafkaBootstrap());
        env.put("JWT_ISSUER_URI", p.issuerUri());
        env.put("JWT_JWK_SET_URI", p.issuerUri() + "/oauth2/jwks");
        env.put("MONGODB_URI", "mongodb://localhost:" + p.mongoPort() + "/hyte-report");
        Process second = builder.start();
        try {
            awaitUp(port, second);
            Thread.sleep(10_000);
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
                second.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitUp(int port, Process process) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the second report-service did not become healthy (exit: "
                + (process.isAlive() ? "still running" : process.exitValue()) + ")");
    }
}
