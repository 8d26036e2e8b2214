package fi.hyte.localstack.demo;

import fi.hyte.localstack.issuer.DemoClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API through the gateway, as each demo client sees it. */
final class DemoClientApi {

    private final String gateway;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.shared();
    private final Map<String, String> tokens = new HashMap<>();

    DemoClientApi(String gateway) {
        this.gateway = gateway;
    }

    JsonNode post(String client, String path, JsonNode body) {
        HttpResponse<String> response = send(client, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    "POST %s as %s: %d %s".formatted(path, client, response.statusCode(), response.body()));
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    /** Retries while the answer is 422: the service has not yet learnt, from events, what the request needs. */
    JsonNode postWhenAccepted(String client, String path, JsonNode body, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            HttpResponse<String> response = send(client, path, body);
            if (response.statusCode() < 300) {
                return json.readTree(response.body());
            }
            if (response.statusCode() != 422 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "POST %s as %s: %d %s".formatted(path, client, response.statusCode(), response.body()));
            }
            sleep(Duration.ofMillis(300));
        }
    }

    private HttpResponse<String> send(String client, String path, JsonNode body) {
        var request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token(client))
                .header("Content-Type", "application/json")
                .POST(
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return exchange(request);
    }

    private synchronized String token(String client) {
        return tokens.computeIfAbsent(client, id -> {
            String basic =
                    Base64.getEncoder().encodeToString((id + ":" + DemoClient.SECRET).getBytes(StandardCharsets.UTF_8));
            var response = exchange(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + id + ": " + response.statusCode());
            }
            return json.readTree(response.body()).get("access_token").asString();
        });
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
