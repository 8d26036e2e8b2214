package fi.hyte.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every service gets from service-support, on a service of one endpoint: the token checked again
 * (a token without roles is 401), the OpenAPI document open with the bearer scheme, JSON nesting bounded
 * (400 problem+json), unknown fields refused, and the actuator locked but for health and, on a separate
 * management port, the Prometheus scrape.
 */
@SpringBootTest(
        classes = ServiceSecurityIT.EchoService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=echo-service",
            "spring.mongodb.uri=${MONGODB_URI}",
            "spring.jackson.deserialization.fail-on-unknown-properties=true",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=${JWT_ISSUER_URI}",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=${JWT_JWK_SET_URI}",
            "spring.security.oauth2.resourceserver.jwt.audiences=hyte",
            "spring.cloud.stream.kafka.binder.brokers=${KAFKA_BOOTSTRAP}",
            "management.endpoints.web.exposure.include=health,info,prometheus,metrics"
        })
class ServiceSecurityIT {

    static final int MANAGEMENT_PORT = freePort();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "service-security-it");
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    @SpringBootApplication
    @RestController
    static class EchoService {
        record Echo(String text, List<Object> nested) {}

        @PostMapping("/api/echo")
        Echo echo(@RequestBody Echo echo, Caller caller) {
            return echo;
        }
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void checksTheTokenAgainAndRefusesOneWithoutRoles() throws Exception {
        assertThat(post("/api/echo", null, "{\"text\":\"hei\"}").statusCode()).isEqualTo(401);
        assertThat(post("/api/echo", TestTokens.token("nobody", List.of(), "HVA-4", null), "{\"text\":\"hei\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/echo", TestTokens.viewer("HVA-4"), "{\"text\":\"hei\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesJsonNestedTooDeeplyAndFieldsItDoesNotKnow() throws Exception {
        String deep = "{\"nested\":" + "[".repeat(70) + "]".repeat(70) + "}";
        var tooDeep = post("/api/echo", TestTokens.viewer("HVA-4"), deep);
        assertThat(tooDeep.statusCode()).as(tooDeep.body()).isEqualTo(400);
        assertThat(tooDeep.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String fine = "{\"nested\":" + "[".repeat(60) + "]".repeat(60) + "}";
        assertThat(post("/api/echo", TestTokens.viewer("HVA-4"), fine).statusCode())
                .isEqualTo(200);
        var unknown = post("/api/echo", TestTokens.viewer("HVA-4"), "{\"text\":\"x\",\"id\":\"mine\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id");
    }

    @Test
    void refusesAKeyTwiceInOneObject() throws Exception {
        var twice = post("/api/echo", TestTokens.viewer("HVA-4"), "{\"text\":\"a\",\"text\":\"b\"}");
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
        assertThat(twice.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(twice.body()).contains("text");
    }

    @Test
    void servesItsOpenApiDocumentWithoutATokenNamingTheBearerScheme() throws Exception {
        var docs = get(port, "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/echo").contains("\"bearer\"");
        // the caller comes from the token, so it is no parameter of the document
        assertThat(docs.body()).doesNotContain("\"caller\"");
    }

    @Test
    void locksTheActuatorButForHealthAndTheScrapeOnTheManagementPort() throws Exception {
        // open (whether this bare test service reports itself UP is not the point here)
        assertThat(get(MANAGEMENT_PORT, "/actuator/health", null).statusCode()).isIn(200, 503);
        assertThat(get(MANAGEMENT_PORT, "/actuator/prometheus", null).statusCode())
                .isEqualTo(200);
        assertThat(get(MANAGEMENT_PORT, "/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get(MANAGEMENT_PORT, "/actuator/metrics", TestTokens.viewer("HVA-4"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(MANAGEMENT_PORT, "/actuator/metrics", TestTokens.token("ops", List.of("ops"), null, null))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
