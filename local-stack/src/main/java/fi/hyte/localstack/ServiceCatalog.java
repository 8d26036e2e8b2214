package fi.hyte.localstack;

import fi.hyte.localstack.process.ChildSpec;
import fi.hyte.localstack.process.HttpHealthCheck;
import fi.hyte.localstack.process.JavaCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The five services: their ports, where their jars are, and the environment each one reads (the contract between
 * this launcher and the services' {@code application.yml}).
 */
final class ServiceCatalog {

    static final List<String> NAMES =
            List.of("plan-service", "action-service", "indicator-service", "report-service", "gateway");

    /** SIGTERM, then this long for Spring Boot's graceful shutdown, then SIGKILL. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final String BUILD_HINT = "Run ./mvnw -DskipTests install in the repository root first.";

    private final LocalStackProperties properties;
    private final StackLayout layout;

    ServiceCatalog(LocalStackProperties properties, StackLayout layout) {
        this.properties = properties;
        this.layout = layout;
    }

    int port(String name) {
        return switch (name) {
            case "plan-service" -> properties.planPort();
            case "action-service" -> properties.actionPort();
            case "indicator-service" -> properties.indicatorPort();
            case "report-service" -> properties.reportPort();
            case "gateway" -> properties.gatewayPort();
            default -> throw unknown(name);
        };
    }

    /** The environment of one service process. */
    Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port(name)));
        env.put("KAFKA_BOOTSTRAP", properties.kafkaBootstrap());
        env.put("JWT_ISSUER_URI", properties.issuerUri());
        env.put("JWT_JWK_SET_URI", properties.issuerUri() + "/oauth2/jwks");
        if (name.equals("gateway")) {
            env.put("PLAN_SERVICE_URI", "http://localhost:" + properties.planPort());
            env.put("ACTION_SERVICE_URI", "http://localhost:" + properties.actionPort());
            env.put("INDICATOR_SERVICE_URI", "http://localhost:" + properties.indicatorPort());
            env.put("REPORT_SERVICE_URI", "http://localhost:" + properties.reportPort());
            env.put("AUTH_SERVER_URI", properties.issuerUri());
        } else {
            // One database per service: plan-service -> hyte-plan.
            String database = "hyte-" + name.substring(0, name.indexOf('-'));
            env.put("MONGODB_URI", "mongodb://localhost:" + properties.mongoPort() + "/" + database);
        }
        return env;
    }

    /**
     * The processes of the services in {@code hyte.local.services}, failing fast (before anything is started) when
     * a name is unknown or a jar is missing.
     */
    List<ChildSpec> specs() {
        List<ChildSpec> specs = new ArrayList<>();
        for (String name : properties.services()) {
            if (!NAMES.contains(name)) {
                throw new StackStartupException(name, unknown(name).getMessage());
            }
            specs.add(new ChildSpec(
                    name,
                    port(name),
                    JavaCommand.jar(jar(name), properties.serviceJvmOptions(), List.of()),
                    environment(name),
                    layout.repoRoot(),
                    layout.logFile(name),
                    HttpHealthCheck.actuator(port(name)),
                    STOP_TIMEOUT));
        }
        return specs;
    }

    /**
     * The executable jar {@code <repo>/<module>/target/<module>-<version>.jar}, by glob rather than by version so
     * that a version bump needs no change here; the newest if there are several.
     */
    Path jar(String module) {
        if (layout.repoRoot() == null) {
            throw new StackStartupException(
                    module,
                    "The repository root is unknown, so " + module
                            + "'s jar cannot be found: set hyte.local.repo-root.");
        }
        Path target = layout.repoRoot().resolve(module).resolve("target");
        Path jar;
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            jar = files.filter(p -> isBuiltJar(module, p.getFileName().toString()))
                    .max(Comparator.comparing(ServiceCatalog::lastModified))
                    .orElse(null);
        } catch (IOException e) {
            jar = null;
        }
        if (jar == null) {
            throw new StackStartupException(
                    module, "No jar of " + module + " in " + layout.display(target) + ". " + BUILD_HINT);
        }
        if (!isExecutable(jar)) {
            throw new StackStartupException(
                    module, layout.display(jar) + " is not an executable Spring Boot jar. " + BUILD_HINT);
        }
        return jar;
    }

    private static boolean isBuiltJar(String module, String fileName) {
        return fileName.startsWith(module + "-")
                && fileName.endsWith(".jar")
                && Stream.of("-sources.jar", "-javadoc.jar", "-tests.jar", "-plain.jar")
                        .noneMatch(fileName::endsWith);
    }

    private static boolean isExecutable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false; // an empty or truncated file
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("Unknown service '" + name + "'; known: " + String.join(", ", NAMES));
    }
}
