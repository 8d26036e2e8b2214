package fi.hyte.report.live;

import static fi.hyte.report.live.Envelopes.indicatorUpdated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.report.ReportServiceApplication;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on one database and one consumer group: a client that followed one instance resumes on the
 * other with {@code Last-Event-ID} and misses nothing, and each instance streams what the other stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveEventsAcrossInstancesIT {

    private static final String DATABASE = "live-instances-it";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper json = JsonMapper.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    @Test
    void aClientResumesOnAnotherInstanceWithoutLoss() throws Exception {
        String region = Envelopes.region("HVA");
        String token = TestTokens.viewer("HVA-4");
        try (var second = new SpringApplicationBuilder(ReportServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--KAFKA_BOOTSTRAP=" + TestInfrastructure.kafkaBootstrap(),
                        "--MONGODB_URI=" + TestInfrastructure.mongoUri(DATABASE),
                        "--JWT_ISSUER_URI=" + TestTokens.issuer(),
                        "--JWT_JWK_SET_URI=" + TestTokens.jwkSetUri())) {
            int secondPort =
                    ((WebServerApplicationContext) second).getWebServer().getPort();
            String last;
            try (var stream =
                    SseClient.open("http://localhost:" + port + "/api/events?region=" + region, token, null)) {
                await().atMost(WAIT).until(() -> stream.comments().contains("connected"));
                publish(region, 2020);
                var first = stream.next(WAIT);
                assertThat(first).isNotNull();
                last = first.id();
            }
            for (int year = 2021; year <= 2025; year++) {
                publish(region, year);
            }
            // whichever instance's consumer stored them, the other streams them from the shared log
            try (var stream =
                    SseClient.open("http://localhost:" + secondPort + "/api/events?region=" + region, token, last)) {
                var years = new ArrayList<Integer>();
                for (int i = 0; i < 5; i++) {
                    var event = stream.next(WAIT);
                    assertThat(event).as("event %d after %s", i + 1, last).isNotNull();
                    years.add(json.readTree(event.data()).at("/payload/year").asInt());
                }
                assertThat(years).containsExactly(2021, 2022, 2023, 2024, 2025);
                publish(region, 2026);
                var live = stream.next(WAIT);
                assertThat(live).isNotNull();
                assertThat(json.readTree(live.data()).at("/payload/year").asInt())
                        .isEqualTo(2026);
                assertThat(stream.drain(Duration.ofSeconds(1))).isEmpty();
            }
        }
    }

    private static void publish(String region, int year) {
        Topics.publish(
                TestInfrastructure.kafkaBootstrap(),
                "hyte.indicator.events",
                region,
                indicatorUpdated(UUID.randomUUID().toString(), 4284, region, year, 10.0, null));
    }
}
