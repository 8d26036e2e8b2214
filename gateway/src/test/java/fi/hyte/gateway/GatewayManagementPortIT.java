package fi.hyte.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the actuator on a management port of its own (compose: 9464, never published), Prometheus scrapes
 * there without a token; the other actuator endpoints still need the ops role, and the public port serves
 * no actuator but health's refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayManagementPortIT {

    static final int MANAGEMENT_PORT = freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
        registry.add("JWT_ISSUER_URI", EdgeTokens::issuer);
        registry.add("JWT_JWK_SET_URI", EdgeTokens::jwkSetUri);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusIsOpenOnTheManagementPortOnlyAndTheRestNeedsOps() throws Exception {
        assertThat(get(MANAGEMENT_PORT, "/actuator/prometheus", null)).isEqualTo(200);
        assertThat(get(MANAGEMENT_PORT, "/actuator/health", null)).isEqualTo(200);
        assertThat(get(MANAGEMENT_PORT, "/actuator/metrics", null)).isEqualTo(401);
        assertThat(get(MANAGEMENT_PORT, "/actuator/metrics", EdgeTokens.token("viewer-m", "viewer")))
                .isEqualTo(403);
        assertThat(get(MANAGEMENT_PORT, "/actuator/metrics", EdgeTokens.token("ops-m", "ops")))
                .isEqualTo(200);
        assertThat(get(MANAGEMENT_PORT, "/actuator/gateway/routes", EdgeTokens.token("ops-m", "ops")))
                .isEqualTo(404);
        assertThat(get(port, "/actuator/prometheus", null)).isEqualTo(401);
    }

    private int get(int port, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
