package fi.hyte.report;

import static fi.hyte.report.Events.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A coordinator publishes a year's report; the snapshot stays as it was while the live report moves on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "publication-it");
    }

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPublishedVersionIsImmutableAnnouncedAndServedInEveryFormat() throws Exception {
        String region = Events.randomCounty();
        String planId = UUID.randomUUID().toString();
        String goalId = UUID.randomUUID().toString();
        int indicator = 500_000 + (int) (Math.random() * 99_999);
        Events.plan(
                planId,
                envelope(
                        "goal.approved",
                        planId,
                        4,
                        region,
                        Events.goal(
                                planId,
                                goalId,
                                region,
                                "Yksinäisyys vähenee",
                                "WORKING_AGE",
                                "[" + Events.measure(indicator, region, "DECREASE", 12.5, 9.0) + "]")));
        Events.value(indicator, region, 2025, "total", 11.2, 1);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> json.readTree(get("/api/reports/{r}/2026", region, TestTokens.viewer(region))
                                        .getBody())
                                .at("/goals/0/measures/0/latest/value")
                                .asDouble()
                        == 11.2);

        assertThat(publish(region, TestTokens.viewer(region)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(publish(region, TestTokens.owner("vantaa", region)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(publish(region, TestTokens.coordinator("HVA-4")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        var first = publish(region, TestTokens.coordinator(region));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getLocation().getPath())
                .isEqualTo("/api/reports/" + region + "/2026/publications/1");
        JsonNode published = first.getBody();
        assertThat(published.get("version").asInt()).isEqualTo(1);
        assertThat(published.get("publishedBy").asString()).isEqualTo("coordinator");
        String hash = published.get("contentHash").asString();

        var announced = Topics.read(
                TestInfrastructure.kafkaBootstrap(),
                "hyte.report.events",
                region + ":2026:1",
                1,
                Duration.ofSeconds(30));
        JsonNode event = json.readTree(announced.getFirst().value());
        assertThat(event.get("type").asString()).isEqualTo("report.published");
        assertThat(event.at("/payload/contentHash").asString()).isEqualTo(hash);
        assertThat(event.at("/payload/location").asString())
                .isEqualTo("/api/reports/" + region + "/2026/publications/1");
        assertThat(event.at("/payload/version").asInt()).isEqualTo(1);
        assertThat(event.at("/payload").has("goals")).isFalse();

        // the live report moves on; the publication does not
        Events.value(indicator, region, 2025, "total", 9.5, 2);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> json.readTree(get("/api/reports/{r}/2026", region, TestTokens.viewer(region))
                                        .getBody())
                                .at("/goals/0/measures/0/latest/value")
                                .asDouble()
                        == 9.5);
        var snapshot = get("/api/reports/{r}/2026/publications/1", region, TestTokens.viewer(region));
        assertThat(sha256(snapshot.getBody())).isEqualTo(hash);
        assertThat(snapshot.getHeaders().getETag()).isEqualTo("\"" + hash + "\"");
        assertThat(json.readTree(snapshot.getBody())
                        .at("/goals/0/measures/0/latest/value")
                        .asDouble())
                .isEqualTo(11.2);

        var second = publish(region, TestTokens.coordinator(region));
        assertThat(second.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(second.getBody().get("contentHash").asString()).isNotEqualTo(hash);
        JsonNode list = json.readTree(get("/api/reports/{r}/2026/publications", region, TestTokens.viewer(region))
                .getBody());
        assertThat(list).hasSize(2);
        assertThat(list.at("/0/version").asInt()).isEqualTo(1);
        assertThat(list.at("/0/contentHash").asString()).isEqualTo(hash);

        var pdf = get("/api/reports/{r}/2026/publications/1?format=pdf", region, TestTokens.viewer(region));
        try (var document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Yksinäisyys vähenee", "Julkaistu versio 1", "11,2");
        }
        var csv = new String(
                get("/api/reports/{r}/2026/publications/1?format=csv", region, TestTokens.viewer(region))
                        .getBody(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains(";2025;11.2;").doesNotContain(";2025;9.5;");
        assertThat(get("/api/reports/{r}/2026/publications/1?format=xlsx", region, TestTokens.viewer(region))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("/api/reports/{r}/2026/publications/9", region, TestTokens.viewer(region))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> publish(String region, String token) {
        return http().post()
                .uri("/api/reports/{region}/2026/publications", region)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<byte[]> get(String path, String region, String token) {
        return http().get()
                .uri(path, region)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set(HttpHeaders.ACCEPT_LANGUAGE, "fi");
                })
                .retrieve()
                .toEntity(byte[].class);
    }

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {})
                .build();
    }

    private static String sha256(byte[] content) throws Exception {
        return "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
