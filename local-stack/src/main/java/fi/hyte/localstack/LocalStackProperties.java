package fi.hyte.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local stack ({@code hyte.local.*}).
 *
 * <p>{@code repoRoot} and {@code dataDir} default to the directory holding {@code mvnw} above the working directory
 * and its {@code data/} subdirectory; {@link LocalStackDefaults} supplies those defaults before binding so that the
 * logging configuration sees them too.
 *
 * @param authPort port of the development issuer (this JVM's web server)
 * @param mongoPort port of the in-process Mongo wire server
 * @param kafkaPort broker port; the KRaft controller listens on {@code kafkaPort + 1}
 * @param gatewayPort port of the gateway
 * @param planPort port of plan-service
 * @param actionPort port of action-service
 * @param indicatorPort port of indicator-service
 * @param reportPort port of report-service
 * @param repoRoot the Hyte repository root, where the service jars are built
 * @param dataDir where the issuer key, Mongo file, Kafka log and process logs are kept
 * @param fresh delete the data directory before starting
 * @param healthTimeout how long each component may take to become healthy at startup
 * @param services which services to start (empty: only issuer, Mongo and Kafka)
 * @param serviceJvmOptions JVM options of each service process
 * @param kafkaJvmOptions JVM options of the broker process
 */
@ConfigurationProperties("hyte.local")
public record LocalStackProperties(
        @DefaultValue("9000") int authPort,
        @DefaultValue("27017") int mongoPort,
        @DefaultValue("9092") int kafkaPort,
        @DefaultValue("8080") int gatewayPort,
        @DefaultValue("8081") int planPort,
        @DefaultValue("8082") int actionPort,
        @DefaultValue("8083") int indicatorPort,
        @DefaultValue("8084") int reportPort,
        Path repoRoot,
        Path dataDir,
        boolean fresh,
        @DefaultValue("180s") Duration healthTimeout,

        @DefaultValue({"plan-service", "action-service", "indicator-service", "report-service", "gateway"})
        List<String> services,

        @DefaultValue({
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m",
            "-Xmx256m",
            "-XX:MaxMetaspaceSize=192m"
        })
        List<String> serviceJvmOptions,

        @DefaultValue({"-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
        List<String> kafkaJvmOptions) {

    /** The issuer URL, which is also the {@code iss} claim of every token. */
    public String issuerUri() {
        return "http://localhost:" + authPort;
    }

    /** The KRaft controller listener's port: the one after the broker's. */
    public int kafkaControllerPort() {
        return kafkaPort + 1;
    }

    /** The {@code bootstrap.servers} value clients use. */
    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }
}
