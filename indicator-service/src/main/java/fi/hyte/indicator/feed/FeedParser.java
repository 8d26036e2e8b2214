package fi.hyte.indicator.feed;

import fi.hyte.support.web.Problem;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a feed body as a stream, handing each row on as soon as it is read: a feed is never held whole in
 * memory, whatever its size (up to {@code hyte.feeds.max-bytes}). A document that is empty or cannot be read
 * as a whole (broken JSON, CSV without Sotkanet's header) is refused with 400; a row that is merely wrong is
 * passed on, to be rejected with a reason when processed.
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

    /**
     * A JSON array of rows {@code {indicator, region | regionCode, year, gender, value, absValue}}, each handed
     * to {@code rows} as read; returns the number of rows.
     */
    int json(InputStream body, Consumer<FeedRow> rows) {
        try (JsonParser parser = json.createParser(bounded(body))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw empty();
            }
            if (first != JsonToken.START_ARRAY) {
                throw malformed("A JSON feed is an array of rows, not " + describe(first), null);
            }
            int count = array(parser, rows);
            if (parser.nextToken() != null) {
                throw malformed("The body has content after the array of rows" + location(parser), null);
            }
            if (count == 0) {
                throw empty();
            }
            return count;
        } catch (JacksonException e) {
            throw unreadable(e);
        }
    }

    /**
     * One message of the raw feed topic: a row object, or an array of rows, each with its JSON text as sent
     * (for the dead-letter topic). A message is at most the broker's record size, so it is read whole.
     *
     * @throws Problem if the message is not JSON, or neither an object nor an array, or an empty array
     */
    List<RawRow> message(byte[] message) {
        JsonNode root;
        try {
            root = json.readTree(message);
        } catch (JacksonException e) {
            throw unreadable(e);
        }
        List<RawRow> rows = new ArrayList<>();
        if (root != null && root.isObject()) {
            rows.add(new RawRow(row(root, 1), root.toString()));
        } else if (root != null && root.isArray()) {
            int row = 0;
            for (JsonNode element : root) {
                row++;
                rows.add(new RawRow(
                        element.isObject()
                                ? row(element, row)
                                : FeedRow.unreadable(row, "row: not a JSON object but " + element.getNodeType()),
                        element.toString()));
            }
        } else {
            throw malformed(
                    "A message is a JSON row object or an array of them, not "
                            + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType()),
                    null);
        }
        if (rows.isEmpty()) {
            throw empty();
        }
        return rows;
    }

    /** A row of a raw feed message, and its JSON text. */
    record RawRow(FeedRow row, String original) {}

    private static FeedRow row(JsonNode row, int number) {
        return new FeedRow(
                number,
                text(row, "indicator"),
                text(row, "region"),
                text(row, "regionCode"),
                text(row, "year"),
                text(row, "gender"),
                text(row, "value"),
                text(row, "absValue"),
                null);
    }

    /** A cell's text: numbers and strings as written, {@code null} if absent, other JSON as JSON. */
    private static String text(JsonNode row, String field) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private int array(JsonParser parser, Consumer<FeedRow> rows) {
        int row = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw malformed("The array of rows is not closed" + location(parser), null);
            }
            row++;
            if (token == JsonToken.START_OBJECT) {
                rows.accept(row(parser, row));
            } else {
                rows.accept(FeedRow.unreadable(row, "row: not a JSON object but " + describe(token)));
                parser.skipChildren();
            }
        }
        return row;
    }

    /** The row object the parser is at the start of; every field as text, numbers as written. */
    private static FeedRow row(JsonParser parser, int row) {
        String indicator = null;
        String region = null;
        String regionCode = null;
        String year = null;
        String gender = null;
        String value = null;
        String absValue = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            String text;
            if (token == JsonToken.VALUE_NULL) {
                text = null;
            } else if (token.isScalarValue()) {
                text = parser.getString();
            } else {
                text = parser.readValueAsTree().toString();
            }
            switch (name) {
                case "indicator" -> indicator = text;
                case "region" -> region = text;
                case "regionCode" -> regionCode = text;
                case "year" -> year = text;
                case "gender" -> gender = text;
                case "value" -> value = text;
                case "absValue" -> absValue = text;
                default -> {
                    // Sotkanet's rows may carry more; they are ignored
                }
            }
        }
        return new FeedRow(row, indicator, region, regionCode, year, gender, value, absValue, null);
    }

    /**
     * Sotkanet's CSV ({@code ;}-separated, header {@code indicator;region;year;gender;primary value;absolute
     * value}), read line by line, each data row handed to {@code rows}; returns the number of rows.
     */
    int csv(InputStream body, Consumer<FeedRow> rows) {
        try (var reader = new BufferedReader(new InputStreamReader(bounded(body), StandardCharsets.UTF_8), 1 << 16)) {
            String header = null;
            int row = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (header == null) {
                    if (line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    requireHeader(line);
                    header = line;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                rows.accept(csvRow(++row, line));
            }
            if (row == 0) {
                throw empty();
            }
            return row;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static void requireHeader(String line) {
        List<String> header = columns(line).stream()
                .map(column -> column.toLowerCase(Locale.ROOT))
                .toList();
        if (header.size() < CSV_HEADER.size() - 1 || !CSV_HEADER.subList(0, 5).equals(header.subList(0, 5))) {
            throw malformed(
                    "A CSV feed starts with Sotkanet's header '%s', not '%s'"
                            .formatted(String.join(";", CSV_HEADER), line),
                    "header");
        }
    }

    private static FeedRow csvRow(int row, String line) {
        List<String> columns = columns(line);
        if (columns.size() < 5 || columns.size() > CSV_HEADER.size()) {
            return FeedRow.unreadable(
                    row, "row: %d ;-separated columns, expected %d".formatted(columns.size(), CSV_HEADER.size()));
        }
        return new FeedRow(
                row,
                columns.get(0),
                columns.get(1),
                null,
                columns.get(2),
                columns.get(3),
                columns.get(4),
                columns.size() > 5 ? columns.get(5) : null,
                null);
    }

    private static List<String> columns(String line) {
        List<String> columns = new ArrayList<>(CSV_HEADER.size());
        int start = 0;
        for (int end = line.indexOf(';'); end >= 0; end = line.indexOf(';', start)) {
            columns.add(unquoted(line.substring(start, end)));
            start = end + 1;
        }
        columns.add(unquoted(line.substring(start)));
        return columns;
    }

    private static String unquoted(String cell) {
        String trimmed = cell.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"");
        }
        return trimmed;
    }

    private InputStream bounded(InputStream body) {
        return new Bounded(body, properties.maxBytes().toBytes());
    }

    /**
     * A read failure: the body over the limit (413), or the connection failing (rethrown, so that the web
     * layer and the body-size filter see their own exception), or else malformed JSON (400, saying where).
     */
    private RuntimeException unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FeedTooLarge) {
                return new Problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Feed too large",
                        "A feed may be at most %s; split it into several feeds".formatted(size(properties.maxBytes())),
                        null);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return new UncheckedIOException(io);
            }
        }
        if (e instanceof JacksonException jackson) {
            return malformed("The body is not valid JSON: " + jackson.getOriginalMessage() + location(jackson), null);
        }
        return new IllegalStateException(e);
    }

    private static String size(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? size.toMegabytes() + " MB" : bytes + " bytes";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static String location(JsonParser parser) {
        var location = parser.currentLocation();
        return " (line %d, column %d)".formatted(location.getLineNr(), location.getColumnNr());
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

    /** Read past {@code hyte.feeds.max-bytes}. */
    static class FeedTooLarge extends IOException {
        FeedTooLarge(long limit) {
            super("feed exceeds " + limit + " bytes");
        }
    }

    /** Counts what is read and fails once past the limit, so that an oversized feed stops being read. */
    private static class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws FeedTooLarge {
            read += n;
            if (read > limit) {
                throw new FeedTooLarge(limit);
            }
        }
    }
}
