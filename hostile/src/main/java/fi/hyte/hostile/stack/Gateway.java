package fi.hyte.hostile.stack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP to the stack's gateway as its users call it: tokens from {@code /oauth2/token}, bearer requests. */
public final class Gateway {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Gateway(String base) {
        this.base = base;
    }

    /** A client-credentials token of a demo client (secret {@code demo}), cached. */
    public String token(String client) {
        return tokens.computeIfAbsent(client, this::fetchToken);
    }

    private String fetchToken(String client) {
        String basic = Base64.getEncoder().encodeToString((client + ":demo").getBytes(StandardCharsets.UTF_8));
        Reply reply = send(new Request(
                "POST",
                "/oauth2/token",
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII),
                false));
        if (reply.status() != 200) {
            throw new IllegalStateException("token for " + client + ": " + reply.status() + " " + reply.body());
        }
        return JSON.readTree(reply.body()).get("access_token").asString();
    }

    /** A GET as {@code client}, its body as JSON (fails unless 200). */
    public JsonNode getJson(String path, String client) {
        Reply reply = send(Request.get(path, token(client)));
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + reply.status() + " " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    /** A POST of JSON as {@code client}. */
    public Reply postJson(String path, String client, String body) {
        return send(new Request(
                "POST",
                path,
                Map.of("Authorization", "Bearer " + token(client), "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8),
                false));
    }

    /** Sends one request; a connection the server closes counts as status 0 (never a pass for an invalid case). */
    public Reply send(Request request) {
        var builder = HttpRequest.newBuilder(URI.create(base + request.path())).timeout(Duration.ofSeconds(60));
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body;
        if (request.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (request.chunked()) {
            byte[] bytes = request.body();
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            body = HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        builder.method(request.method(), body);
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                // an event stream never ends: its status and type are the answer
                String text = contentType.startsWith("text/event-stream")
                        ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Reply(
                        response.statusCode(),
                        contentType,
                        text,
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Location").orElse(null));
            }
        } catch (IOException e) {
            return new Reply(0, "", "connection failed: " + e, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * One HTTP request. {@code path} is sent as it is (already percent-encoded: hostile paths are the point);
     * {@code chunked} sends the body without a length.
     */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {

        public static Request get(String path, String token) {
            return new Request("GET", path, Map.of("Authorization", "Bearer " + token), null, false);
        }
    }

    /** What came back. */
    public record Reply(int status, String contentType, String body, String etag, String location) {

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json") && body.contains("\"status\"");
        }
    }
}
