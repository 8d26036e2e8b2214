package fi.hyte.indicator.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.web.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class FeedParserTest {

    static FeedProperties properties(int maxRows, DataSize maxBytes) {
        return new FeedProperties(maxRows, maxBytes, 1000, 1, Duration.ofSeconds(10), Duration.ofMinutes(2), 3);
    }

    final FeedParser parser = new FeedParser(JsonMapper.builder().build(), properties(10_000, DataSize.ofMegabytes(5)));

    @Test
    void readsSotkanetsRealCsv() throws IOException {
        List<FeedRow> rows;
        try (InputStream csv = new ClassPathResource("sotkanet/SotkaIndicatorData.csv").getInputStream()) {
            rows = parser.csv(csv);
        }
        assertThat(rows).hasSize(466);
        assertThat(rows.getFirst()).isEqualTo(new FeedRow(1, "127", "69", null, "2009", "total", "2406", "", null));
        assertThat(rows.getLast().row()).isEqualTo(466);
        assertThat(rows).allSatisfy(row -> assertThat(row.unreadable()).isNull());
    }

    @Test
    void readsJsonRowsInSotkanetsShapeKeepingEveryFieldAsText() {
        var rows = parser.json(body("""
                [{"indicator": 4, "region": 231, "year": 2012, "gender": "total", "value": 3.4, "absValue": 9},
                 {"indicator": 4284, "regionCode": "HVA-4", "year": "2024", "gender": "total", "absValue": 120},
                 {"indicator": {"id": 4}, "year": true},
                 42]
                """));
        assertThat(rows)
                .containsExactly(
                        new FeedRow(1, "4", "231", null, "2012", "total", "3.4", "9", null),
                        new FeedRow(2, "4284", null, "HVA-4", "2024", "total", null, "120", null),
                        new FeedRow(3, "{\"id\":4}", null, null, "true", null, null, null, null),
                        FeedRow.unreadable(4, "row: not a JSON object but NUMBER"));
    }

    @Test
    void refusesAnEmptyFeed() {
        assertRefused(() -> parser.json(body("")), HttpStatus.BAD_REQUEST, "no rows");
        assertRefused(() -> parser.json(body("[]")), HttpStatus.BAD_REQUEST, "no rows");
        assertRefused(
                () -> parser.csv(body("indicator;region;year;gender;primary value;absolute value\r\n")),
                HttpStatus.BAD_REQUEST,
                "no rows");
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        assertRefused(() -> parser.json(body("[{\"indicator\": 4284,")), HttpStatus.BAD_REQUEST, "not valid JSON");
        assertRefused(() -> parser.json(body("{\"indicator\": 4284}")), HttpStatus.BAD_REQUEST, "array of rows");
    }

    @Test
    void refusesCsvWithoutSotkanetsHeader() {
        assertThatThrownBy(() -> parser.csv(body("127;69;2009;total;2406;\n")))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.field()).isEqualTo("header");
                });
    }

    @Test
    void refusesMoreRowsOrBytesThanAllowed() {
        var small = new FeedParser(JsonMapper.builder().build(), properties(2, DataSize.ofBytes(200)));
        assertRefused(
                () -> small.json(body("[{},{},{}]")), HttpStatus.CONTENT_TOO_LARGE, "at most 2 rows, this one has 3");
        assertRefused(() -> small.csv(body("x".repeat(201))), HttpStatus.CONTENT_TOO_LARGE, "at most 200B");
    }

    @Test
    void keepsACsvRowWithTheWrongNumberOfColumnsAsUnreadable() {
        var rows = parser.csv(body("indicator;region;year;gender;primary value;absolute value\n127;69;2009\n"));
        assertThat(rows).containsExactly(FeedRow.unreadable(1, "row: 3 ;-separated columns, expected 6"));
    }

    private static void assertRefused(Runnable parse, HttpStatus status, String detail) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.getMessage()).contains(detail);
        });
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
