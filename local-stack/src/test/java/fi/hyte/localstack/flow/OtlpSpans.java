package fi.hyte.localstack.flow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the spans out of an OTLP/HTTP trace export ({@code ExportTraceServiceRequest}, protobuf), as much of it as
 * the flow test needs: per span its service ({@code service.name}), trace, span and parent ids, name and kind. A
 * protobuf reader of a few lines, so that the test needs no OpenTelemetry protocol classes.
 */
final class OtlpSpans {

    /** SPAN_KIND_CONSUMER in the OTLP protocol. */
    static final int CONSUMER = 5;

    record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {}

    private OtlpSpans() {}

    static List<Span> read(byte[] export) {
        List<Span> spans = new ArrayList<>();
        for (Field resourceSpans : fields(export, 0, export.length)) {
            if (resourceSpans.number == 1) {
                String service = null;
                List<Field> parts = resourceSpans.children();
                for (Field part : parts) {
                    if (part.number == 1) { // resource
                        for (Field attribute : part.children()) {
                            if (attribute.number == 1) {
                                service = serviceName(attribute, service);
                            }
                        }
                    }
                }
                for (Field part : parts) {
                    if (part.number == 2) { // scope_spans
                        for (Field span : part.children()) {
                            if (span.number == 2) {
                                spans.add(span(service, span));
                            }
                        }
                    }
                }
            }
        }
        return spans;
    }

    private static String serviceName(Field keyValue, String otherwise) {
        String key = null;
        String value = null;
        for (Field field : keyValue.children()) {
            if (field.number == 1) {
                key = field.text();
            } else if (field.number == 2) {
                for (Field any : field.children()) {
                    if (any.number == 1) {
                        value = any.text();
                    }
                }
            }
        }
        return "service.name".equals(key) ? value : otherwise;
    }

    private static Span span(String service, Field span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field field : span.children()) {
            switch (field.number) {
                case 1 -> traceId = field.hex();
                case 2 -> spanId = field.hex();
                case 4 -> parent = field.hex();
                case 5 -> name = field.text();
                case 6 -> kind = (int) field.varint;
                default -> {}
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind);
    }

    private record Field(int number, long varint, byte[] data, int from, int to) {
        List<Field> children() {
            return fields(data, from, to);
        }

        String text() {
            return new String(data, from, to - from, StandardCharsets.UTF_8);
        }

        String hex() {
            return HexFormat.of().formatHex(data, from, to);
        }
    }

    private static List<Field> fields(byte[] data, int from, int to) {
        List<Field> fields = new ArrayList<>();
        int[] at = {from};
        while (at[0] < to) {
            long tag = varint(data, at);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, varint(data, at), data, at[0], at[0]));
                case 1 -> at[0] += 8;
                case 2 -> {
                    int length = (int) varint(data, at);
                    fields.add(new Field(number, 0, data, at[0], at[0] + length));
                    at[0] += length;
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("wire type " + (tag & 7) + " at " + at[0]);
            }
        }
        return fields;
    }

    private static long varint(byte[] data, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = data[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }
}
