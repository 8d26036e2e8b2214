package fi.hyte.localstack.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stands in for a Hyte service in tests of the launcher: serves {@code /actuator/health} on {@code SERVER_PORT} and
 * echoes its environment at {@code /env}. JDK only and one class file, so that tests can pack it into a jar.
 *
 * <p>Environment switches: {@code FAKE_EXIT_CODE} exits at once with that code (a crash at startup);
 * {@code FAKE_IGNORE_SIGTERM=true} makes SIGTERM hang (a child that must be killed).
 */
public final class FakeService {

    private FakeService() {}

    public static void main(String[] args) throws IOException {
        String exitCode = System.getenv("FAKE_EXIT_CODE");
        if (exitCode == null && FakeService.class.getResource("/crash") != null) {
            exitCode = "3"; // a jar packed with a "crash" entry always crashes
        }
        if (exitCode != null) {
            System.out.println("fake: crashing with exit code " + exitCode);
            System.exit(Integer.parseInt(exitCode));
        }
        if (Boolean.parseBoolean(System.getenv("FAKE_IGNORE_SIGTERM"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(FakeService::sleepForever));
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> respond(exchange, environmentJson()));
        server.start();
        System.out.println("fake: listening on " + port);
    }

    private static String environmentJson() {
        return new TreeMap<>(System.getenv())
                .entrySet().stream()
                        .filter(e ->
                                e.getKey().matches("[A-Z_]+") && !e.getValue().contains("\""))
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().replace("\\", "\\\\") + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
