package fi.hyte.localstack.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Healthy when a Spring Boot actuator health endpoint answers 200 with {@code {"status":"UP"}}. */
public final class HttpHealthCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final HttpRequest request;

    public HttpHealthCheck(URI uri) {
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    }

    /** The actuator health endpoint of a service on localhost. */
    public static HttpHealthCheck actuator(int port) {
        return new HttpHealthCheck(URI.create("http://localhost:" + port + "/actuator/health"));
    }

    @Override
    public boolean isHealthy() {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP"
                            .equals(JsonMapper.shared()
                                    .readTree(response.body())
                                    .path("status")
                                    .asString());
        } catch (IOException | JacksonException e) {
            return false; // not listening yet, or not answering JSON yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
