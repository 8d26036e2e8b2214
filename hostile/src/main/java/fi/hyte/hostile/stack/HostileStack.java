package fi.hyte.hostile.stack;

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
 * in this JVM by the same launcher as the README's run command, on free ports and a fresh data directory, with the
 * demo data loaded (through the gateway, as users would) so that the cases have plans, goals and actions to aim at.
 * The pattern is bench's {@code BenchStack}; the one difference besides the demo data is the gateway's feed rate
 * limit, raised so that two hundred feed cases are judged by indicator-service rather than answered 429.
 */
public final class HostileStack implements AutoCloseable {

    /**
     * The feed rate limit is lifted (the suite posts hundreds of feeds), and action-service's overdue check runs
     * once, 10 s after start, and then not for a day: it announces the delay of every open action past its due date
     * on its own, which a store snapshot around a batch of refused requests would otherwise count as their change.
     */
    private static final List<String> SERVICE_JVM = List.of(
            "-Xmx512m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-DHYTE_GATEWAY_FEED_RATE_LIMIT=1000000",
            "-Dhyte.actions.overdue-check.interval=PT24H");

    private final ConfigurableApplicationContext context;
    private final Ports ports;
    private final Path data;

    private HostileStack(ConfigurableApplicationContext context, Ports ports, Path data) {
        this.context = context;
        this.ports = ports;
        this.data = data;
    }

    /** Starts the stack, waits until every part is healthy and the demo data is loaded. */
    public static HostileStack start(Path repositoryRoot) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("hyte-hostile");
        Ports ports = Ports.free();
        List<String> args = new ArrayList<>(List.of(
                "--hyte.local.repo-root=" + repositoryRoot,
                "--hyte.local.data-dir=" + data,
                "--hyte.local.demo=true",
                "--hyte.local.health-timeout=900s",
                "--hyte.local.service-jvm-options=" + String.join(",", SERVICE_JVM)));
        args.addAll(ports.arguments());
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(LocalStackApplication.class).run(args.toArray(String[]::new));
        var stack = new HostileStack(context, ports, data);
        context.getBean(LocalStack.class).awaitReady(Duration.ofMinutes(16));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!Files.exists(data.resolve("demo-loaded"))) {
            if (System.nanoTime() > deadline) {
                stack.close();
                throw new IllegalStateException("demo data not loaded within 5 minutes");
            }
            Thread.sleep(500);
        }
        return stack;
    }

    public String gateway() {
        return "http://localhost:" + ports.gateway();
    }

    public String mongoUri() {
        return "mongodb://localhost:" + ports.mongo();
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

        List<String> arguments() {
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

        static Ports free() {
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
