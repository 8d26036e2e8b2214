package fi.hyte.indicator.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.web.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class FeedParserTest {

    static FeedProperties properties(DataSize maxBytes) {
        return new FeedProperties(maxBytes, 2000, 4, 1000, 1, Duration.ofSeconds(10), Duration.ofMinutes(2), 3);
    }

    final FeedParser parser = new FeedParser(JsonMapper.builder().build(), properties(DataSize.ofMegabytes(64)));

    /** Rows of a JSON body, collected (only for small test bodies). */
    static List<FeedRow> json(FeedParser parser, InputStream body) {
        List<FeedRow> rows = new ArrayList<>();
        parser.json(body, rows::add);
        return rows;
    }

    static List<FeedRow> csv(FeedParser parser, InputStream body) {
        List<FeedRow> rows = new ArrayList<>();
        parser.csv(body, rows::add);
        return rows;
    }

    @Test
    void readsSotkanetsRealCsv() throws IOException {
        List<FeedRow> rows;
        try (InputStream csv = new ClassPathResource("sotkanet/SotkaIndicatorData.csv").getInputStream()) {
            rows = csv(parser, csv);
        }
        assertThat(rows).hasSize(466);
        assertThat(rows.getFirst()).isEqualTo(new FeedRow(1, "127", "69", null, "2009", "total", "2406", "", null));
        assertThat(rows.getLast().row()).isEqualTo(466);
        assertThat(rows).allSatisfy(row -> assertThat(row.unreadable()).isNull());
    }

    @Test
    void readsJsonRowsInSotkanetsShapeKeepingEveryFieldAsText() {
        var rows = json(parser, body("""
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
                        FeedRow.unreadable(4, "row: not a JSON object but a number"));
    }

    @Test
    void refusesAnEmptyFeed() {
        assertRefused(() -> json(parser, body("")), HttpStatus.BAD_REQUEST, "no rows");
        assertRefused(() -> json(parser, body("[]")), HttpStatus.BAD_REQUEST, "no rows");
        assertRefused(
                () -> csv(parser, body("indicator;region;year;gender;primary value;absolute value\r\n")),
                HttpStatus.BAD_REQUEST,
                "no rows");
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        assertRefused(() -> json(parser, body("[{\"indicator\": 4284,")), HttpStatus.BAD_REQUEST, "not valid JSON");
        assertRefused(() -> json(parser, body("{\"indicator\": 4284}")), HttpStatus.BAD_REQUEST, "array of rows");
    }

    @Test
    void refusesCsvWithoutSotkanetsHeader() {
        assertThatThrownBy(() -> csv(parser, body("127;69;2009;total;2406;\n")))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.field()).isEqualTo("header");
                });
    }

    @Test
    void refusesMoreBytesThanAllowed() {
        var small = new FeedParser(JsonMapper.builder().build(), properties(DataSize.ofBytes(200)));
        assertRefused(
                () -> json(small, body("[" + "{},".repeat(100) + "{}]")),
                HttpStatus.CONTENT_TOO_LARGE,
                "at most 200 bytes");
        assertRefused(() -> csv(small, body("x".repeat(201))), HttpStatus.CONTENT_TOO_LARGE, "at most 200 bytes");
    }

    @Test
    void refusesJsonThatIsNotAClosedArrayOfRows() {
        assertRefused(() -> json(parser, body("[{\"indicator\": 1}")), HttpStatus.BAD_REQUEST, "not valid JSON");
        assertRefused(() -> json(parser, body("[{}] [{}]")), HttpStatus.BAD_REQUEST, "content after the array");
        assertRefused(() -> json(parser, body("42")), HttpStatus.BAD_REQUEST, "array of rows, not a number");
    }

    @Test
    void readsAMessageOfTheRawTopicAsOneRowOrAnArrayOfRows() {
        var one = parser.message(
                "{\"indicator\": 4284, \"regionCode\": \"092\", \"value\": 1.5}".getBytes(StandardCharsets.UTF_8));
        assertThat(one).hasSize(1);
        assertThat(one.getFirst().row()).isEqualTo(new FeedRow(1, "4284", null, "092", null, null, "1.5", null, null));
        assertThat(one.getFirst().original()).isEqualTo("{\"indicator\":4284,\"regionCode\":\"092\",\"value\":1.5}");

        var two = parser.message("[{\"indicator\": 1}, \"x\"]".getBytes(StandardCharsets.UTF_8));
        assertThat(two)
                .extracting(FeedParser.RawRow::row)
                .containsExactly(
                        new FeedRow(1, "1", null, null, null, null, null, null, null),
                        FeedRow.unreadable(2, "row: not a JSON object but STRING"));
        assertRefused(
                () -> parser.message("nonsense".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.BAD_REQUEST,
                "not valid JSON");
        assertRefused(
                () -> parser.message("7".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.BAD_REQUEST,
                "row object or an array");
    }

    /**
     * Two million rows, produced lazily by the stream as the parser asks for them, never materialised: the
     * parser hands each row on before it reads much further, so memory does not grow with the feed.
     */
    @Test
    void streamsTwoMillionRowsWithoutHoldingThem() {
        int total = 2_000_000;
        var parser = new FeedParser(JsonMapper.builder().build(), properties(DataSize.ofGigabytes(1)));
        var csvBody = new GeneratedFeed(total, true);
        int[] seen = {0};
        int[] furthestAhead = {0};
        int rows = parser.csv(csvBody, row -> {
            seen[0]++;
            assertThat(row.row()).isEqualTo(seen[0]);
            furthestAhead[0] = Math.max(furthestAhead[0], csvBody.produced() - seen[0]);
        });
        assertThat(rows).isEqualTo(total);
        assertThat(furthestAhead[0]).as("rows read ahead of the consumer").isLessThan(5_000);

        var jsonBody = new GeneratedFeed(total, false);
        seen[0] = 0;
        furthestAhead[0] = 0;
        rows = parser.json(jsonBody, row -> {
            seen[0]++;
            furthestAhead[0] = Math.max(furthestAhead[0], jsonBody.produced() - seen[0]);
        });
        assertThat(rows).isEqualTo(total);
        assertThat(seen[0]).isEqualTo(total);
        assertThat(furthestAhead[0]).as("rows read ahead of the consumer").isLessThan(5_000);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        assertThat(runtime.totalMemory() - runtime.freeMemory())
                .as("heap after parsing (a materialised feed of 2M rows would be hundreds of MB)")
                .isLessThan(256L * 1024 * 1024);
    }

    /** A CSV or JSON feed body of {@code rows} Sotkanet rows, generated as it is read. */
    static final class GeneratedFeed extends InputStream {
        private final int rows;
        private final boolean csv;
        private byte[] current = new byte[0];
        private int position;
        private int produced;
        private boolean ended;

        GeneratedFeed(int rows, boolean csv) {
            this.rows = rows;
            this.csv = csv;
            this.current = (csv ? "indicator;region;year;gender;primary value;absolute value\n" : "[")
                    .getBytes(StandardCharsets.UTF_8);
        }

        int produced() {
            return produced;
        }

        private boolean refill() {
            if (ended) {
                return false;
            }
            if (produced == rows) {
                ended = true;
                current = (csv ? "" : "]").getBytes(StandardCharsets.UTF_8);
                position = 0;
                return current.length > 0;
            }
            produced++;
            int year = 1990 + produced % 35;
            String line = csv
                    ? "%d;%d;%d;total;%d.5;\n".formatted(127 + produced % 50, produced % 300, year, produced)
                    : (produced > 1 ? "," : "")
                            + "{\"indicator\":%d,\"region\":%d,\"year\":%d,\"gender\":\"total\",\"value\":%d.5}"
                                    .formatted(127 + produced % 50, produced % 300, year, produced);
            current = line.getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        @Override
        public int read() {
            while (position >= current.length) {
                if (!refill()) {
                    return -1;
                }
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (position >= current.length) {
                if (!refill()) {
                    return -1;
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    @Test
    void keepsACsvRowWithTheWrongNumberOfColumnsAsUnreadable() {
        var rows = csv(parser, body("indicator;region;year;gender;primary value;absolute value\n127;69;2009\n"));
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
