package fi.hyte.localstack.kafka;

import fi.hyte.localstack.process.ChildSpec;
import fi.hyte.localstack.process.JavaCommand;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker run as a child JVM from this launcher's own classpath (which holds
 * {@code kafka_2.13}), so that it can be killed and restarted alone. Its log goes to its log file through logback,
 * configured by {@value #LOGBACK_CONFIG}.
 */
public final class KafkaBroker {

    /** The broker's name as a child process. */
    public static final String NAME = "kafka";

    static final String LOGBACK_CONFIG = "fi/hyte/localstack/kafka/kafka-logback.xml";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final Path logFile;
    private final List<String> jvmOptions;

    /**
     * @param port the PLAINTEXT listener's port
     * @param controllerPort the CONTROLLER listener's port
     * @param logDir Kafka's {@code log.dirs}; {@code server.properties} is written there too
     * @param logFile where the broker's output goes
     * @param jvmOptions heap and JIT options of the broker JVM
     */
    public KafkaBroker(int port, int controllerPort, Path logDir, Path logFile, List<String> jvmOptions) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir.toAbsolutePath();
        this.logFile = logFile;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public Path serverProperties() {
        return logDir.resolve("server.properties");
    }

    /** True once the storage has been formatted: {@code meta.properties} holds the cluster id. */
    public boolean isFormatted() {
        return Files.isRegularFile(logDir.resolve("meta.properties"));
    }

    /**
     * Writes {@code server.properties} (anew each time, since the ports may have changed) and formats the storage
     * with a new cluster id if it has never been formatted. Blocks while the format tool runs (about a second).
     *
     * @return the new cluster id if the storage was formatted now, otherwise null
     */
    public String prepare() throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Files.writeString(
                serverProperties(),
                KafkaServerProperties.render(KafkaServerProperties.of(port, controllerPort, logDir)));
        if (isFormatted()) {
            return null;
        }
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = command(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                serverProperties().toString());
        Process format = new ProcessBuilder(command)
                .directory(logDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("Formatting the Kafka storage took longer than " + FORMAT_TIMEOUT);
            }
        } finally {
            format.destroyForcibly(); // no effect once it has exited; otherwise it must not outlive us
        }
        if (format.exitValue() != 0) {
            throw new IOException("Formatting the Kafka storage failed (exit code " + format.exitValue() + ")");
        }
        return clusterId;
    }

    /** The broker process, for a supervisor. Call {@link #prepare()} first. */
    public ChildSpec childSpec() {
        return new ChildSpec(
                NAME,
                port,
                command("kafka.Kafka", serverProperties().toString()),
                Map.of(),
                logDir,
                logFile,
                this::isHealthy,
                // A controlled shutdown of a single node takes a few seconds.
                Duration.ofSeconds(20));
    }

    /** Healthy when the broker answers a {@code describeCluster} with at least one node. */
    public boolean isHealthy() {
        // Probe the port first: an admin client against a closed port logs a warning per retry.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), (int) CHECK_TIMEOUT.toMillis());
        } catch (IOException e) {
            return false;
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis()))
                    .nodes()
                    .get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .isEmpty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    private List<String> command(String mainClass, String... args) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dlogback.configurationFile=" + LOGBACK_CONFIG);
        return JavaCommand.ownClasspath(mainClass, options, List.of(args));
    }
}
