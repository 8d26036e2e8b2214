package fi.hyte.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackPropertiesTest {

    @Test
    void defaultsToTheDocumentedPorts() {
        LocalStackProperties properties = TestProperties.bind(Map.of());

        assertThat(properties.authPort()).isEqualTo(9000);
        assertThat(properties.mongoPort()).isEqualTo(27017);
        assertThat(properties.kafkaPort()).isEqualTo(9092);
        assertThat(properties.kafkaControllerPort()).isEqualTo(9093);
        assertThat(properties.gatewayPort()).isEqualTo(8080);
        assertThat(properties.planPort()).isEqualTo(8081);
        assertThat(properties.actionPort()).isEqualTo(8082);
        assertThat(properties.indicatorPort()).isEqualTo(8083);
        assertThat(properties.reportPort()).isEqualTo(8084);
        assertThat(properties.healthTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(properties.fresh()).isFalse();
    }

    @Test
    void startsAllFiveServicesByDefault() {
        assertThat(TestProperties.bind(Map.of()).services())
                .containsExactly("plan-service", "action-service", "indicator-service", "report-service", "gateway");
    }

    @Test
    void startsNoServiceWhenTheListIsSetEmpty() {
        assertThat(TestProperties.bind(Map.of("hyte.local.services", "")).services())
                .isEmpty();
    }

    @Test
    void givesServicesSmallJvmsByDefault() {
        assertThat(TestProperties.bind(Map.of()).serviceJvmOptions())
                .containsExactly(
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xss512k",
                        "-XX:ReservedCodeCacheSize=64m",
                        "-Xmx256m",
                        "-XX:MaxMetaspaceSize=192m");
    }

    @Test
    void derivesTheIssuerAndBootstrapAddressesFromThePorts() {
        LocalStackProperties properties =
                TestProperties.bind(Map.of("hyte.local.auth-port", "19000", "hyte.local.kafka-port", "19092"));

        assertThat(properties.issuerUri()).isEqualTo("http://localhost:19000");
        assertThat(properties.kafkaBootstrap()).isEqualTo("localhost:19092");
        assertThat(properties.kafkaControllerPort()).isEqualTo(19093);
    }

    @Test
    void takesFreshAsAShortOption() {
        assertThat(LocalStackApplication.withOptions(new String[] {"--fresh", "--hyte.local.kafka-port=1"}))
                .containsExactly("--hyte.local.fresh=true", "--hyte.local.kafka-port=1");
    }
}
