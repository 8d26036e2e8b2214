package fi.hyte.indicator.feed;

import fi.hyte.support.web.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits a feed body into rows, bounded in bytes and rows. A body that is empty or cannot be read as a whole
 * is refused (400); a row that is merely wrong is kept, to be rejected with a reason when processed.
 */
@Component
class FeedParser {

    /** Sotkanet's CSV header, e.g. of {@code GET /csv?indicator=127&years=2009&genders=total}. */
    static final List<String> CSV_HEADER =
            List.of("indicator", "region", "year", "gender", "primary value", "absolute value");

    private final JsonMapper json;
    private final FeedProperties properties;

    FeedParser(JsonMapper json, FeedProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    /** A JSON array of rows {@code {indicator, region | regionCode, year, gender, value, absValue}}. */
    List<FeedRow> json(InputStream body) {
        byte[] bytes = read(body);
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            throw malformed("The body is not valid JSON: " + e.getOriginalMessage() + location(e), null);
        }
        if (root == null || root.isMissingNode()) {
            throw empty();
        }
        if (!root.isArray()) {
            throw malformed("A JSON feed is an array of rows, not " + root.getNodeType(), null);
        }
        if (root.isEmpty()) {
            throw empty();
        }
        requireAtMostMaxRows(root.size());
        List<FeedRow> rows = new ArrayList<>(root.size());
        int index = 0;
        for (JsonNode element : root) {
            int row = ++index;
            if (!element.isObject()) {
                rows.add(FeedRow.unreadable(row, "row: not a JSON object but " + element.getNodeType()));
                continue;
            }
            rows.add(new FeedRow(
                    row,
                    text(element, "indicator"),
                    text(element, "region"),
                    text(element, "regionCode"),
                    text(element, "year"),
                    text(element, "gender"),
                    text(element, "value"),
                    text(element, "absValue"),
                    null));
        }
        return rows;
    }

    /** Sotkanet's CSV: {@code ;}-separated, header {@code indicator;region;year;gender;primary value;absolute value}. */
    List<FeedRow> csv(InputStream body) {
        String text = new String(read(body), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw empty();
        }
        List<String> header = columns(lines.getFirst()).stream()
                .map(column -> column.toLowerCase(Locale.ROOT))
                .toList();
        if (header.size() < CSV_HEADER.size() - 1 || !CSV_HEADER.subList(0, 5).equals(header.subList(0, 5))) {
            throw malformed(
                    "A CSV feed starts with Sotkanet's header '%s', not '%s'"
                            .formatted(String.join(";", CSV_HEADER), lines.getFirst()),
                    "header");
        }
        if (lines.size() == 1) {
            throw empty();
        }
        requireAtMostMaxRows(lines.size() - 1);
        List<FeedRow> rows = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            List<String> columns = columns(lines.get(i));
            if (columns.size() < 5 || columns.size() > CSV_HEADER.size()) {
                rows.add(FeedRow.unreadable(
                        i, "row: %d ;-separated columns, expected %d".formatted(columns.size(), CSV_HEADER.size())));
                continue;
            }
            rows.add(new FeedRow(
                    i,
                    columns.get(0),
                    columns.get(1),
                    null,
                    columns.get(2),
                    columns.get(3),
                    columns.get(4),
                    columns.size() > 5 ? columns.get(5) : null,
                    null));
        }
        return rows;
    }

    private byte[] read(InputStream body) {
        long max = properties.maxBytes().toBytes();
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > max) {
            throw new Problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Feed too large",
                    "A feed may be at most %s; split it into several feeds".formatted(properties.maxBytes()),
                    null);
        }
        return bytes;
    }

    private void requireAtMostMaxRows(int rows) {
        if (rows > properties.maxRows()) {
            throw new Problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Feed too large",
                    "A feed may have at most %d rows, this one has %d; split it into several feeds"
                            .formatted(properties.maxRows(), rows),
                    "rows");
        }
    }

    /** A cell's text: numbers and strings as written, {@code null} if absent, other JSON as JSON. */
    private static String text(JsonNode row, String field) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private static List<String> columns(String line) {
        return Arrays.stream(line.split(";", -1)).map(FeedParser::unquoted).toList();
    }

    private static String unquoted(String cell) {
        String trimmed = cell.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"");
        }
        return trimmed;
    }

    private static String location(JacksonException e) {
        var location = e.getLocation();
        return location == null ? "" : " (line %d, column %d)".formatted(location.getLineNr(), location.getColumnNr());
    }

    private static Problem empty() {
        return malformed("The feed has no rows", null);
    }

    private static Problem malformed(String detail, String field) {
        return new Problem(HttpStatus.BAD_REQUEST, "Malformed feed", detail, field);
    }
}
