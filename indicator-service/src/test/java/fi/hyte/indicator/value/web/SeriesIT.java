package fi.hyte.indicator.value.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Series and the side-by-side view of a county and its municipalities over real HTTP with real JWTs, the
 * values brought by a feed as an integrator would send it; every refusal names its parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hyte.feeds.sweep-interval=1s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesIT {

    static final int LONELINESS = 4284;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "series-it");
    }

    @LocalServerPort
    int port;

    final String viewer = TestTokens.viewer("HVA-4");

    /**
     * Vantaa-Kerava (HVA-4) 2021-2023 in every gender, Vantaa (092) 2022-2023, Kerava (245) 2021 and 2023
     * total only, and Helsinki (091), not a member, 2022.
     */
    @BeforeAll
    void feedValues() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int year = 2021; year <= 2023; year++) {
            rows.add(row("HVA-4", year, "total", 12.0 + year - 2021));
            rows.add(row("HVA-4", year, "male", 10.0 + year - 2021));
            rows.add(row("HVA-4", year, "female", 14.0 + year - 2021));
        }
        rows.add(row("092", 2022, "total", 13.5));
        rows.add(row("092", 2023, "total", 14.5));
        rows.add(row("092", 2023, "female", 16.5));
        rows.add(row("245", 2021, "total", 11.0));
        rows.add(row("245", 2023, "total", 12.5));
        rows.add(row("091", 2022, "total", 9.9));
        var submitted = http().post()
                .uri("/api/indicator-feeds")
                .headers(h -> h.setBearerAuth(TestTokens.integrator()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(rows)
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String feedId = submitted.getBody().get("id").asString();
        JsonNode feed = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> get("/api/indicator-feeds/" + feedId, TestTokens.integrator())
                                .getBody(),
                        body -> body != null && body.path("status").asString().equals("COMPLETED"));
        assertThat(feed.get("accepted").asInt()).isEqualTo(rows.size());
    }

    @Test
    void readsTheSeriesOfARegionByItsCodeInTotalByDefault() {
        var response = get("/api/indicators/4284/values?region=HVA-4", viewer);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode series = response.getBody();
        assertThat(series.get("indicator").asInt()).isEqualTo(LONELINESS);
        assertThat(series.get("region").asString()).isEqualTo("HVA-4");
        assertThat(series.get("gender").asString()).isEqualTo("total");
        assertThat(years(series.get("values"))).containsExactly(2021, 2022, 2023);
        assertThat(series.get("values").get(0).get("value").asDouble()).isEqualTo(12.0);
        assertThat(series.get("values").get(0).get("feedId").asString()).isNotBlank();
        assertThat(series.get("values").get(0).hasNonNull("updatedAt")).isTrue();
    }

    @Test
    void narrowsTheSeriesByGenderAndYears() {
        JsonNode series = get("/api/indicators/4284/values?region=HVA-4&gender=female&from=2022&to=2022", viewer)
                .getBody();
        assertThat(series.get("gender").asString()).isEqualTo("female");
        assertThat(years(series.get("values"))).containsExactly(2022);
        assertThat(series.get("values").get(0).get("value").asDouble()).isEqualTo(15.0);

        JsonNode open =
                get("/api/indicators/4284/values?region=092&from=2023", viewer).getBody();
        assertThat(years(open.get("values"))).containsExactly(2023);
        JsonNode none = get("/api/indicators/243/values?region=092", viewer).getBody();
        assertThat(none.get("values")).isEmpty();
    }

    @Test
    void showsACountyBesideItsMunicipalitiesAlignedByYear() {
        var response = get("/api/indicators/4284/values/by-member?region=HVA-4", TestTokens.coordinator("HVA-2"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode view = response.getBody();
        assertThat(view.get("region").asString()).isEqualTo("HVA-4");
        assertThat(texts(view.get("genders"))).containsExactly("total");
        assertThat(years(view.get("years"))).containsExactly(2021, 2022, 2023);
        JsonNode series = view.get("series");
        assertThat(series).hasSize(3);
        assertSeries(series.get(0), "HVA-4", false, "total", 12.0, 13.0, 14.0);
        assertThat(series.get(0).at("/name/fi").asString()).isEqualTo("Vantaan ja Keravan hyvinvointialue");
        assertThat(series.get(0).get("category").asString()).isEqualTo("WELLBEING_COUNTY");
        assertSeries(series.get(1), "092", true, "total", null, 13.5, 14.5);
        assertThat(series.get(1).at("/name/fi").asString()).isEqualTo("Vantaa");
        assertSeries(series.get(2), "245", true, "total", 11.0, null, 12.5);
    }

    @Test
    void showsEveryGenderWithGenderAll() {
        JsonNode view = get("/api/indicators/4284/values/by-member?region=HVA-4&gender=all&from=2023&to=2023", viewer)
                .getBody();
        assertThat(texts(view.get("genders"))).containsExactly("total", "male", "female");
        assertThat(years(view.get("years"))).containsExactly(2023);
        JsonNode series = view.get("series");
        assertThat(series).hasSize(9);
        assertSeries(series.get(0), "HVA-4", false, "total", 14.0);
        assertSeries(series.get(1), "HVA-4", false, "male", 12.0);
        assertSeries(series.get(2), "HVA-4", false, "female", 16.0);
        assertSeries(series.get(3), "092", true, "total", 14.5);
        assertSeries(series.get(4), "092", true, "male", (Double) null);
        assertSeries(series.get(5), "092", true, "female", 16.5);
        assertSeries(series.get(8), "245", true, "female", (Double) null);
    }

    @Test
    void aRangeWithoutValuesHasNoYearsButStillEverySeries() {
        JsonNode view = get("/api/indicators/4284/values/by-member?region=HVA-4&from=2010&to=2012", viewer)
                .getBody();
        assertThat(view.get("years")).isEmpty();
        assertThat(view.get("series")).hasSize(3);
        assertThat(view.get("series").get(1).get("values")).isEmpty();
    }

    @Test
    void refusesWhatIsNotThereWith404NamingTheParameter() {
        assertRefused("/api/indicators/999999/values?region=092", HttpStatus.NOT_FOUND, "id");
        assertRefused("/api/indicators/999999/values/by-member?region=HVA-4", HttpStatus.NOT_FOUND, "id");
        assertRefused("/api/indicators/4284/values?region=HVA-99", HttpStatus.NOT_FOUND, "region");
        assertRefused("/api/indicators/4284/values/by-member?region=XYZ", HttpStatus.NOT_FOUND, "region");
    }

    @Test
    void refusesMalformedParametersWith400NamingThem() {
        assertRefused("/api/indicators/4284/values", HttpStatus.BAD_REQUEST, "region");
        assertRefused("/api/indicators/4284/values?region=", HttpStatus.BAD_REQUEST, "region");
        assertRefused("/api/indicators/4284/values/by-member", HttpStatus.BAD_REQUEST, "region");
        assertRefused("/api/indicators/4284/values?region=092&gender=Total", HttpStatus.BAD_REQUEST, "gender");
        assertRefused("/api/indicators/4284/values?region=092&gender=all", HttpStatus.BAD_REQUEST, "gender");
        assertRefused("/api/indicators/4284/values/by-member?region=HVA-4&gender=x", HttpStatus.BAD_REQUEST, "gender");
        assertRefused("/api/indicators/4284/values?region=092&from=soon", HttpStatus.BAD_REQUEST, "from");
        assertRefused("/api/indicators/4284/values?region=092&to=1800", HttpStatus.BAD_REQUEST, "to");
        assertRefused("/api/indicators/4284/values/by-member?region=HVA-4&from=3000", HttpStatus.BAD_REQUEST, "from");
        assertRefused("/api/indicators/four/values?region=092", HttpStatus.BAD_REQUEST, "id");
        assertRefused("/api/indicators/4284/values?region=" + "9".repeat(41), HttpStatus.BAD_REQUEST, "region");
    }

    @Test
    void refusesAnInvertedRangeAndARegionWithoutMembersWith422NamingThem() {
        assertRefused(
                "/api/indicators/4284/values?region=092&from=2023&to=2021", HttpStatus.UNPROCESSABLE_CONTENT, "from");
        assertRefused(
                "/api/indicators/4284/values/by-member?region=HVA-4&from=2023&to=2021",
                HttpStatus.UNPROCESSABLE_CONTENT,
                "from");
        assertRefused("/api/indicators/4284/values/by-member?region=092", HttpStatus.UNPROCESSABLE_CONTENT, "region");
    }

    @Test
    void needsAToken() {
        var response = http().get()
                .uri("/api/indicators/4284/values?region=092")
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void assertRefused(String path, HttpStatus status, String field) {
        var response = get(path, viewer);
        assertThat(response.getStatusCode()).as(path).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("field").asString()).as(path).isEqualTo(field);
        assertThat(response.getBody().path("detail").asString()).as(path).isNotBlank();
    }

    private static void assertSeries(JsonNode series, String region, boolean member, String gender, Double... values) {
        assertThat(series.get("region").asString()).isEqualTo(region);
        assertThat(series.get("member").asBoolean()).isEqualTo(member);
        assertThat(series.get("gender").asString()).isEqualTo(gender);
        List<Double> actual = new ArrayList<>();
        series.get("values").forEach(value -> actual.add(value.isNull() ? null : value.asDouble()));
        assertThat(actual).as("%s %s", region, gender).containsExactly(values);
    }

    private static List<Integer> years(JsonNode node) {
        List<Integer> years = new ArrayList<>();
        node.forEach(
                element -> years.add(element.isObject() ? element.get("year").asInt() : element.asInt()));
        return years;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        node.forEach(element -> texts.add(element.asString()));
        return texts;
    }

    private static Map<String, Object> row(String region, int year, String gender, double value) {
        return Map.of("indicator", LONELINESS, "regionCode", region, "year", year, "gender", gender, "value", value);
    }

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        return http().get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .toEntity(JsonNode.class);
    }
}
