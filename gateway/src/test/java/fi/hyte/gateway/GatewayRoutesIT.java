package fi.hyte.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fi.hyte.testsupport.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Every route of the gateway is live and reaches its service with the caller's token and a correlation
 * id; the edge refuses anonymous callers with problem+json. The services are stood in for by a real HTTP
 * server that records what reached it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutesIT {

    static final Map<String, Map<String, List<String>>> received = new ConcurrentHashMap<>();
    static final HttpServer backend = backend();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String uri = "http://localhost:" + backend.getAddress().getPort();
        registry.add("PLAN_SERVICE_URI", () -> uri);
        registry.add("ACTION_SERVICE_URI", () -> uri);
        registry.add("INDICATOR_SERVICE_URI", () -> uri);
        registry.add("REPORT_SERVICE_URI", () -> "http://localhost:" + closedPort());
        registry.add("AUTH_SERVER_URI", () -> uri);
        registry.add("AUTH_TOKEN_PATH", () -> "/realms/hyte/protocol/openid-connect/token");
        registry.add("JWT_ISSUER_URI", TestTokens::issuer);
        registry.add("JWT_JWK_SET_URI", TestTokens::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/plans",
                "/api/plans/p-1/goals/g-1",
                "/api/actions",
                "/api/actions/a-1",
                "/api/organisations",
                "/api/goals/g-1/actions",
                "/api/regions",
                "/api/indicators/4284/values",
                "/api/indicator-feeds/f-1"
            })
    void routesAnAuthenticatedRequestToItsServiceWithTokenAndCorrelationId(String path) {
        String token = TestTokens.viewer("HVA-4");
        var response = get(path, token);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var headers = received.get(path);
        assertThat(headers).as("request for %s reached the service", path).isNotNull();
        assertThat(headers.get("Authorization")).containsExactly("Bearer " + token);
        assertThat(headers.get("X-correlation-id")).isNotEmpty();
    }

    @Test
    void forwardsTheTokenRequestToTheConfiguredIssuerPath() {
        var response = http().post()
                .uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(received).containsKey("/realms/hyte/protocol/openid-connect/token");
    }

    @Test
    void refusesAnonymousApiRequestsWithProblemJson() {
        var response = get("/api/plans", null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        String forged = TestTokens.viewer("HVA-4").substring(0, 20) + "x"
                + TestTokens.viewer("HVA-4").substring(21);
        assertThat(get("/api/plans", forged).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthIsPublic() {
        assertThat(get("/actuator/health", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void answersAnUnreachableServiceWithProblemJson() {
        var response = get("/api/reports/HVA-4/2026", TestTokens.viewer("HVA-4"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<String> get(String path, String token) {
        return http().get()
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .retrieve()
                .toEntity(String.class);
    }

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {})
                .build();
    }

    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort(); // closed again when this returns: nothing listens there
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer backend() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                received.put(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
