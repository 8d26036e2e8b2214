package fi.hyte.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.localstack.process.ChildSpec;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogTest {

    @TempDir
    Path repo;

    private final LocalStackProperties properties = TestProperties.bind(Map.of(
            "hyte.local.auth-port", "19000",
            "hyte.local.mongo-port", "28017",
            "hyte.local.kafka-port", "19092",
            "hyte.local.gateway-port", "18080",
            "hyte.local.plan-port", "18081",
            "hyte.local.action-port", "18082",
            "hyte.local.indicator-port", "18083",
            "hyte.local.report-port", "18084"));

    private ServiceCatalog catalog() {
        return new ServiceCatalog(properties, new StackLayout(repo, repo.resolve("data")));
    }

    @Test
    void tellsEveryServiceItsPortKafkaAndTheIssuer() {
        for (String name : ServiceCatalog.NAMES) {
            assertThat(catalog().environment(name))
                    .containsEntry("SERVER_PORT", String.valueOf(catalog().port(name)))
                    .containsEntry("KAFKA_BOOTSTRAP", "localhost:19092")
                    .containsEntry("JWT_ISSUER_URI", "http://localhost:19000")
                    .containsEntry("JWT_JWK_SET_URI", "http://localhost:19000/oauth2/jwks");
        }
    }

    @Test
    void givesEachDomainServiceItsOwnDatabase() {
        assertThat(catalog().environment("plan-service"))
                .containsEntry("MONGODB_URI", "mongodb://localhost:28017/hyte-plan");
        assertThat(catalog().environment("action-service"))
                .containsEntry("MONGODB_URI", "mongodb://localhost:28017/hyte-action");
        assertThat(catalog().environment("indicator-service"))
                .containsEntry("MONGODB_URI", "mongodb://localhost:28017/hyte-indicator");
        assertThat(catalog().environment("report-service"))
                .containsEntry("MONGODB_URI", "mongodb://localhost:28017/hyte-report");
    }

    @Test
    void pointsTheGatewayAtTheServicesAndTheIssuer() {
        assertThat(catalog().environment("gateway"))
                .containsEntry("SERVER_PORT", "18080")
                .containsEntry("PLAN_SERVICE_URI", "http://localhost:18081")
                .containsEntry("ACTION_SERVICE_URI", "http://localhost:18082")
                .containsEntry("INDICATOR_SERVICE_URI", "http://localhost:18083")
                .containsEntry("REPORT_SERVICE_URI", "http://localhost:18084")
                .containsEntry("AUTH_SERVER_URI", "http://localhost:19000")
                .doesNotContainKey("MONGODB_URI");
    }

    @Test
    void runsTheBuiltJarWithTheConfiguredJvmOptions() throws Exception {
        Path jar = executableJar(repo.resolve("plan-service/target/plan-service-0.1.0-SNAPSHOT.jar"));
        Files.writeString(repo.resolve("plan-service/target/plan-service-0.1.0-SNAPSHOT.jar.original"), "");

        assertThat(catalog().jar("plan-service")).isEqualTo(jar);
    }

    @Test
    void failsWithABuildHintWhenAJarIsMissing() {
        assertThatThrownBy(() -> catalog().jar("report-service"))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("report-service")
                .hasMessageContaining("./mvnw -DskipTests install");
    }

    @Test
    void failsWithABuildHintWhenAJarIsNotExecutable() throws Exception {
        Files.createDirectories(repo.resolve("gateway/target"));
        Files.writeString(repo.resolve("gateway/target/gateway-0.1.0-SNAPSHOT.jar"), "not a zip");

        assertThatThrownBy(() -> catalog().jar("gateway"))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("not an executable")
                .hasMessageContaining("./mvnw -DskipTests install");
    }

    @Test
    void refusesAnUnknownServiceName() {
        LocalStackProperties typo = TestProperties.bind(Map.of("hyte.local.services", "plan-servise"));

        assertThatThrownBy(() -> new ServiceCatalog(typo, new StackLayout(repo, repo)).specs())
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("plan-servise");
    }

    @Test
    void runsOnlyTheConfiguredServicesFromTheirJars() throws Exception {
        executableJar(repo.resolve("gateway/target/gateway-0.1.0-SNAPSHOT.jar"));
        LocalStackProperties gatewayOnly = TestProperties.bind(Map.of("hyte.local.services", "gateway"));

        List<ChildSpec> specs = new ServiceCatalog(gatewayOnly, new StackLayout(repo, repo.resolve("data"))).specs();

        assertThat(specs).singleElement().satisfies(spec -> {
            assertThat(spec.name()).isEqualTo("gateway");
            assertThat(spec.port()).isEqualTo(8080);
            assertThat(spec.command()).contains("-jar", "-Xmx256m");
            assertThat(spec.logFile()).isEqualTo(repo.resolve("data/logs/gateway.log"));
            assertThat(spec.stopTimeout()).hasSeconds(10);
        });
    }

    static Path executableJar(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "example.Main");
        try (OutputStream out = Files.newOutputStream(path);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return path;
    }
}
