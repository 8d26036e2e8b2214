package fi.hyte.indicator.sotkanet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sotkanet's REST API on a random local port, serving the responses recorded from the real API (copied
 * unchanged from {@code ../shared/data/sotkanet/}):
 *
 * <ul>
 *   <li>{@code GET /regions}: {@code sotkanet/recorded/SotkaRegions.json};
 *   <li>{@code GET /indicators/{id}}: {@code sotkanet/recorded/indicator-metadata-example.json}, with its
 *       {@code data-updated} replaced by {@link #dataUpdated(String)} so that a test can make the data newer;
 *   <li>{@code GET /json?indicator=&years=&genders=}: the rows of the recorded CSV
 *       {@code sotkanet/SotkaIndicatorData.csv} (indicator 127, year 2009, 466 regions), served as JSON rows
 *       in Sotkanet's documented shape ({@code data-row-example.json}) and filtered by the query as the real
 *       API does. The JSON body is built from the CSV because only one JSON row was ever recorded.
 * </ul>
 *
 * Like the live API it answers 403 to a request without a User-Agent. It can be made to fail (500) or to
 * answer too slowly, and it records every request.
 */
final class FakeSotkanet implements AutoCloseable {

    static final String RECORDED_DATA_UPDATED = "2025-05-28";

    /** A request as the server saw it. */
    record Request(String path, Map<String, List<String>> query, String userAgent) {}

    enum Mode {
        SERVE,
        FAIL,
        SLOW
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final byte[] regions;
    private final String metadata;
    private final List<Map<String, Object>> rows;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String dataUpdated = RECORDED_DATA_UPDATED;
    private volatile Mode mode = Mode.SERVE;
    private volatile Duration slowness = Duration.ofSeconds(3);

    FakeSotkanet() {
        try {
            regions = new ClassPathResource("sotkanet/recorded/SotkaRegions.json").getContentAsByteArray();
            metadata = new ClassPathResource("sotkanet/recorded/indicator-metadata-example.json")
                    .getContentAsString(StandardCharsets.UTF_8);
            rows = csvRows(new ClassPathResource("sotkanet/SotkaIndicatorData.csv")
                    .getContentAsString(StandardCharsets.UTF_8));
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/rest/1.1/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://localhost:%d/rest/1.1".formatted(server.getAddress().getPort());
    }

    void dataUpdated(String date) {
        this.dataUpdated = date;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests to a path, e.g. {@code /json} or {@code /indicators/127}. */
    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    void reset() {
        requests.clear();
        dataUpdated = RECORDED_DATA_UPDATED;
        mode = Mode.SERVE;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/rest/1.1".length());
            var query = query(exchange.getRequestURI().getRawQuery());
            String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
            requests.add(new Request(path, query, userAgent));
            if (userAgent == null || userAgent.isBlank()) {
                respond(exchange, 403, "Forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (mode) {
                case FAIL -> {
                    respond(exchange, 500, "{\"error\":\"internal\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                case SLOW -> sleep(slowness);
                case SERVE -> {}
            }
            if (path.equals("/regions")) {
                respond(exchange, 200, regions);
            } else if (path.matches("/indicators/\\d+")) {
                respond(
                        exchange,
                        200,
                        metadata.replace(RECORDED_DATA_UPDATED, dataUpdated).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/json")) {
                respond(exchange, 200, json.writeValueAsBytes(data(query)));
            } else {
                respond(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private List<Map<String, Object>> data(Map<String, List<String>> query) {
        String indicator = query.getOrDefault("indicator", List.of("")).getFirst();
        List<String> years = query.getOrDefault("years", List.of());
        List<String> genders = query.getOrDefault("genders", List.of());
        return rows.stream()
                .filter(row -> String.valueOf(row.get("indicator")).equals(indicator))
                .filter(row -> years.contains(String.valueOf(row.get("year"))))
                .filter(row -> genders.contains(String.valueOf(row.get("gender"))))
                .toList();
    }

    /** The CSV's rows ({@code indicator;region;year;gender;primary value;absolute value}) in /json's shape. */
    private static List<Map<String, Object>> csvRows(String csv) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            var row = new LinkedHashMap<String, Object>();
            row.put("indicator", Integer.parseInt(cells[0]));
            row.put("region", Integer.parseInt(cells[1]));
            row.put("year", Integer.parseInt(cells[2]));
            row.put("gender", cells[3]);
            if (!cells[4].isBlank()) {
                row.put("value", Double.parseDouble(cells[4]));
            }
            if (cells.length > 5 && !cells[5].isBlank()) {
                row.put("absValue", Double.parseDouble(cells[5]));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        Arrays.stream(raw.split("&")).filter(p -> !p.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        });
        return query;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
