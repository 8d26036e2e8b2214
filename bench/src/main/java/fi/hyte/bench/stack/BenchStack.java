package fi.hyte.bench.stack;

import fi.hyte.localstack.LocalStack;
import fi.hyte.localstack.LocalStackApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-install stack (issuer, Mongo-wire server, Kafka broker process, the five services as processes), started
 * in this JVM by the same launcher as the README's run command, on free ports and a fresh data directory, so that a
 * benchmark never meets a stack already running on the default ports.
 */
public final class BenchStack implements AutoCloseable {

    /** Production-like service JVMs (full JIT, G1, room to work), not the quick-start flags. */
    public static final List<String> SERVICE_JVM = List.of("-Xmx1g", "-Xss512k", "-XX:+UseG1GC");

    private static final List<String> KAFKA_JVM = List.of("-Xmx1g", "-XX:+UseG1GC");

    private final ConfigurableApplicationContext context;
    private final Ports ports;
    private final Path data;
    private final Duration startup;

    private BenchStack(ConfigurableApplicationContext context, Ports ports, Path data, Duration startup) {
        this.context = context;
        this.ports = ports;
        this.data = data;
        this.startup = startup;
    }

    /** Starts the stack and waits until every part is healthy. */
    public static BenchStack start(Path repositoryRoot) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("hyte-bench");
        Ports ports = Ports.free();
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                "--hyte.local.repo-root=" + repositoryRoot,
                "--hyte.local.data-dir=" + data,
                "--hyte.local.demo=false",
                "--hyte.local.service-jvm-options=" + String.join(",", SERVICE_JVM),
                "--hyte.local.kafka-jvm-options=" + String.join(",", KAFKA_JVM)));
        args.addAll(ports.arguments());
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(LocalStackApplication.class).run(args.toArray(String[]::new));
        try {
            // a busy machine may need longer: -Dhyte.bench.ready-timeout=PT15M
            context.getBean(LocalStack.class)
                    .awaitReady(Duration.parse(System.getProperty("hyte.bench.ready-timeout", "PT5M")));
        } catch (RuntimeException | InterruptedException e) {
            context.close(); // else the services started so far outlive the failed benchmark
            throw e;
        }
        return new BenchStack(context, ports, data, Duration.ofNanos(System.nanoTime() - started));
    }

    public Ports ports() {
        return ports;
    }

    public Duration startup() {
        return startup;
    }

    public LocalStack launcher() {
        return context.getBean(LocalStack.class);
    }

    public String gateway() {
        return "http://localhost:" + ports.gateway();
    }

    public String mongoUri() {
        return "mongodb://localhost:" + ports.mongo();
    }

    public String kafkaBootstrap() {
        return "localhost:" + ports.kafka();
    }

    public Path data() {
        return data;
    }

    @Override
    public void close() {
        context.close();
    }

    /** The ports of one stack. */
    public record Ports(int auth, int mongo, int kafka, int gateway, int plan, int action, int indicator, int report) {

        /** The launcher's arguments that put a stack on these ports. */
        public List<String> arguments() {
            return List.of(
                    "--hyte.local.auth-port=" + auth,
                    "--hyte.local.mongo-port=" + mongo,
                    "--hyte.local.kafka-port=" + kafka,
                    "--hyte.local.gateway-port=" + gateway,
                    "--hyte.local.plan-port=" + plan,
                    "--hyte.local.action-port=" + action,
                    "--hyte.local.indicator-port=" + indicator,
                    "--hyte.local.report-port=" + report);
        }

        public static Ports free() {
            int kafka = freePortPair();
            List<Integer> p = freePorts(7, kafka, kafka + 1);
            return new Ports(p.get(0), p.get(1), kafka, p.get(2), p.get(3), p.get(4), p.get(5), p.get(6));
        }

        /** Below Linux's ephemeral range, so that a child's port is not an outgoing connection's a moment later. */
        private static int freePort() {
            for (int attempt = 0; attempt < 1000; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
                if (isFree(port)) {
                    return port;
                }
            }
            throw new IllegalStateException("No free port between 20000 and 32000");
        }

        private static List<Integer> freePorts(int count, Integer... taken) {
            Set<Integer> ports = new LinkedHashSet<>();
            while (ports.size() < count) {
                int port = freePort();
                if (!List.of(taken).contains(port)) {
                    ports.add(port);
                }
            }
            return List.copyOf(ports);
        }

        private static int freePortPair() {
            for (int attempt = 0; attempt < 1000; attempt++) {
                int port = freePort();
                if (isFree(port + 1)) {
                    return port;
                }
            }
            throw new IllegalStateException("No two consecutive free ports");
        }

        private static boolean isFree(int port) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
