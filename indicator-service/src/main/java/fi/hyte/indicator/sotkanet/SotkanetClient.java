package fi.hyte.indicator.sotkanet;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sotkanet's REST API ({@code /rest/1.1}): an indicator's metadata, its data rows, and the regions. Every
 * request carries the configured User-Agent, without which Sotkanet answers 403. Errors (4xx, 5xx, timeouts,
 * unreadable bodies) are thrown; the connector logs them and tries again next round.
 */
@Component
class SotkanetClient {

    /** The genders fetched: Hyte keeps values for all three. */
    static final List<String> GENDERS = List.of("male", "female", "total");

    private final RestClient http;
    private final JsonMapper json;

    SotkanetClient(SotkanetProperties properties, JsonMapper json) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
        this.json = json;
    }

    /**
     * What {@code GET /indicators/{id}} says of when the indicator's data last changed and which years it
     * has.
     *
     * @param dataUpdated {@code data-updated}, {@code null} if Sotkanet gives none or none readable
     * @param firstYear {@code range.start}, {@code null} if not given
     * @param lastYear {@code range.end}, {@code null} if not given
     */
    record Metadata(LocalDate dataUpdated, Integer firstYear, Integer lastYear) {}

    /**
     * A data row as Sotkanet sends it.
     *
     * @param region Sotkanet's region id, joined to a region code through {@link #regions()}
     * @param value the primary value, {@code null} when only the absolute value is given
     */
    record Row(int indicator, int region, int year, String gender, Double value, Double absValue) {}

    /** A region as {@code GET /regions} lists it: Sotkanet's own category (e.g. {@code KUNTA}) and code. */
    record SotkanetRegion(int id, String category, String code) {}

    Metadata metadata(int indicator) {
        JsonNode node = get(uri -> uri.path("/indicators/{id}").build(indicator));
        JsonNode range = node.path("range");
        return new Metadata(date(node.path("data-updated")), year(range.path("start")), year(range.path("end")));
    }

    /** {@code GET /json?indicator=&years=..&genders=male&genders=female&genders=total}: every region's rows. */
    List<Row> data(int indicator, int firstYear, int lastYear) {
        JsonNode node = get(uri -> {
            UriBuilder builder = uri.path("/json").queryParam("indicator", indicator);
            for (int year = firstYear; year <= lastYear; year++) {
                builder.queryParam("years", year);
            }
            GENDERS.forEach(gender -> builder.queryParam("genders", gender));
            return builder.build();
        });
        if (!node.isArray()) {
            throw new IllegalStateException("Sotkanet's /json answered with " + node.getNodeType() + ", not an array");
        }
        List<Row> rows = new ArrayList<>(node.size());
        for (JsonNode row : node) {
            rows.add(new Row(
                    row.path("indicator").asInt(indicator),
                    row.path("region").asInt(),
                    row.path("year").asInt(),
                    row.path("gender").asString(null),
                    number(row.path("value")),
                    number(row.path("absValue"))));
        }
        return rows;
    }

    /** {@code GET /regions}, by Sotkanet region id. */
    Map<Integer, SotkanetRegion> regions() {
        JsonNode node = get(uri -> uri.path("/regions").build());
        Map<Integer, SotkanetRegion> regions = new HashMap<>();
        for (JsonNode region : node) {
            int id = region.path("id").asInt();
            regions.put(
                    id,
                    new SotkanetRegion(
                            id,
                            region.path("category").asString(),
                            region.path("code").asString()));
        }
        return regions;
    }

    private JsonNode get(Function<UriBuilder, URI> uri) {
        byte[] body = http.get().uri(uri).retrieve().body(byte[].class);
        if (body == null || body.length == 0) {
            throw new IllegalStateException("Sotkanet answered with an empty body");
        }
        return json.readTree(body);
    }

    private static LocalDate date(JsonNode node) {
        if (!node.isString() || node.asString().length() < 10) {
            return null;
        }
        try {
            // a date ("2025-05-28"), possibly with a time after it
            return LocalDate.parse(node.asString().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer year(JsonNode node) {
        return node.isNumber() || node.isString() && node.asString().matches("\\d{4}") ? node.asInt() : null;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
