package fi.hyte.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.localstack.testing.TestJars;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The development issuer alone, on a real port, used the way the services and the gateway use it. */
@SpringBootTest(classes = IssuerIT.IssuerOnly.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IssuerIT {

    private static final int PORT = TestJars.freePort();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final Path DATA = temporaryDirectory();

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hyte.local.auth-port", () -> PORT);
        registry.add("hyte.local.data-dir", DATA::toString);
    }

    @AfterAll
    static void deleteData() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void issuesTheCoordinatorATokenWithItsClaimsThatVerifiesThroughDiscovery() throws Exception {
        String token = token("coordinator", true);

        // What a resource server with spring.security.oauth2.resourceserver.jwt.issuer-uri does.
        JwtDecoder decoder = JwtDecoders.fromIssuerLocation(ISSUER);
        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("coordinator");
        assertThat(jwt.getAudience()).containsExactly("hyte");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("coordinator");
        assertThat(jwt.getClaimAsString("region")).isEqualTo("HVA-4");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void acceptsTheSecretInTheRequestBodyToo() throws Exception {
        Jwt jwt = JwtDecoders.fromIssuerLocation(ISSUER).decode(token("owner-vantaa", false));

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("owner");
        assertThat(jwt.getClaimAsString("organisation")).isEqualTo("vantaa");
        assertThat(jwt.getClaimAsString("region")).isEqualTo("HVA-4");
    }

    @Test
    void refusesAWrongSecret() throws Exception {
        HttpResponse<String> response = tokenRequest("coordinator", "guess", true);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void refusesOtherGrantTypes() throws Exception {
        HttpResponse<String> response =
                post("/oauth2/token", "grant_type=password&username=a&password=b", basic("coordinator", "demo"));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void signsWithTheKeyKeptInTheDataDirectory() throws Exception {
        JsonNode published = json(get("/oauth2/jwks").body()).path("keys").get(0);
        JsonNode kept = json(Files.readString(DATA.resolve("issuer/jwk.json")))
                .path("keys")
                .get(0);

        assertThat(published.path("kid").asString()).isEqualTo(kept.path("kid").asString());
        assertThat(published.has("d")).as("private exponent published").isFalse();
        assertThat(kept.has("d")).as("private exponent kept").isTrue();
    }

    @Test
    void publishesItsMetadataAndHealth() throws Exception {
        HttpResponse<String> metadata = get("/.well-known/oauth-authorization-server");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(json(metadata.body()).path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(json(metadata.body()).path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void deniesEverythingElse() throws Exception {
        for (String path : List.of("/", "/actuator/info", "/actuator/env", "/login", "/anything")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(403);
        }
    }

    private String token(String client, boolean basic) throws Exception {
        HttpResponse<String> response = tokenRequest(client, "demo", basic);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        return body.path("access_token").asString();
    }

    private HttpResponse<String> tokenRequest(String client, String secret, boolean basic) throws Exception {
        return basic
                ? post("/oauth2/token", "grant_type=client_credentials", basic(client, secret))
                : post(
                        "/oauth2/token",
                        "grant_type=client_credentials&client_id=" + client + "&client_secret=" + secret,
                        null);
    }

    private HttpResponse<String> post(String path, String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ISSUER + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(ISSUER + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("issuer-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's configuration and what it needs, without Mongo, Kafka and the services. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(LocalStackProperties.class)
    @ComponentScan("fi.hyte.localstack.issuer")
    static class IssuerOnly {

        @Bean
        StackLayout stackLayout(LocalStackProperties properties) {
            return StackLayout.prepare(properties);
        }
    }
}
