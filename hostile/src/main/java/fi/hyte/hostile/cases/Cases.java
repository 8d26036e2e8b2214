package fi.hyte.hostile.cases;

import fi.hyte.hostile.cases.Case.Expect;
import fi.hyte.hostile.stack.Gateway;
import fi.hyte.hostile.stack.Gateway.Request;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cases of one operation: built from its schemas (valid requests, then each kind of invalid one, drawn in turn
 * with a seeded random until there are enough) plus the fixed list (limits, deep and broken JSON, headers).
 */
public final class Cases {

    /** The gateway's body bound of every route but the feed (hyte.gateway.max-body-size, 1MB). */
    static final int BODY_LIMIT = 1024 * 1024;
    /** The feed route's bound (64MB). */
    static final int FEED_LIMIT = 64 * 1024 * 1024;

    /** Fields a client must never set (the server owns them) and Mongo/JS specials. */
    static final List<String> MASS_ASSIGNMENT = List.of(
            "id",
            "_id",
            "status",
            "version",
            "revision",
            "approval",
            "approvedVersion",
            "createdBy",
            "createdAt",
            "owner",
            "tenant",
            "roles",
            "outbox",
            "history",
            "isAdmin",
            "__proto__",
            "$where",
            "$set",
            "_class");

    static final List<String> MONGO_OPERATORS = List.of(
            "{\"$gt\":\"\"}",
            "{\"$ne\":null}",
            "{\"$where\":\"sleep(5000) || true\"}",
            "{\"$regex\":\".*\"}",
            "{\"$in\":[\"\",null]}",
            "{\"$exists\":true}",
            "{\"$expr\":{\"$eq\":[1,1]}}",
            "[{\"$gt\":\"\"}]");

    static final List<String> MONGO_STRINGS = List.of(
            "$where",
            "$gt",
            "{\"$gt\":\"\"}",
            "'; return true; var x='",
            "this.password.match(/.*/)",
            "$ne",
            "a.$[]",
            "\u0000$where",
            "$$ROOT");

    /** Path segments that must not reach anything but a 4xx (already percent-encoded where needed). */
    static final List<String> HOSTILE_SEGMENTS = List.of(
            "..%2F..%2Factuator%2Fenv",
            "%2e%2e%2f%2e%2e%2factuator",
            "%00",
            "abc%00def",
            "%7B%22%24gt%22%3A%22%22%7D",
            "%24where",
            "%24ne",
            "'%20OR%20'1'%3D'1",
            "%25%30%30",
            "%C0%AE%C0%AE",
            "x".repeat(3000),
            "%FF%FE",
            "..;",
            "%20");

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final JsonNodeFactory F = JSON.getNodeFactory();

    private final Fixtures fixtures;
    private final Gateway gateway;
    private final Random random;

    public Cases(Fixtures fixtures, Gateway gateway, long seed) {
        this.fixtures = fixtures;
        this.gateway = gateway;
        this.random = new Random(seed);
    }

    /** The fixed list (if asked), then {@code atLeast} generated cases of the operation, each kind in turn. */
    public List<Case> of(OpenApi.Operation op, int atLeast, boolean fixedList) {
        List<Case> cases = new ArrayList<>();
        if (fixedList) {
            fixed(op, cases);
        }
        int target = cases.size() + atLeast;
        List<Supplier<Case>> kinds = generators(op);
        int i = 0;
        while (cases.size() < target) {
            cases.add(kinds.get(i++ % kinds.size()).get());
        }
        return cases;
    }

    private List<Supplier<Case>> generators(OpenApi.Operation op) {
        List<Supplier<Case>> kinds = new ArrayList<>();
        kinds.add(() -> valid(op));
        kinds.add(() -> valid(op));
        boolean objectBody = op.body() != null && OpenApi.type(op.body()).equals("object");
        boolean arrayBody = op.body() != null && OpenApi.type(op.body()).equals("array");
        if (objectBody || arrayBody) {
            if (!fields(op, "required").isEmpty()) {
                kinds.add(() -> missingRequired(op));
                kinds.add(() -> nullRequired(op));
            }
            kinds.add(() -> wrongType(op));
            kinds.add(() -> mongoOperator(op));
            kinds.add(() -> mongoString(op));
            kinds.add(() -> unknownField(op));
            if (!fields(op, "number").isEmpty()) {
                kinds.add(() -> outOfRange(op));
            }
            if (!fields(op, "string").isEmpty()) {
                kinds.add(() -> overlong(op));
            }
            if (!fields(op, "enum").isEmpty()) {
                kinds.add(() -> badEnum(op));
            }
            if (!fields(op, "date").isEmpty()) {
                kinds.add(() -> badDate(op));
            }
        }
        if (!op.in("query").isEmpty()) {
            kinds.add(() -> queryValue(op));
            kinds.add(() -> queryOperatorName(op));
        }
        if (!op.in("path").isEmpty()) {
            kinds.add(() -> pathInjection(op));
            kinds.add(() -> otherTenant(op));
        }
        kinds.add(() -> auth(op));
        return kinds;
    }

    // ---- valid ---------------------------------------------------------------------------------------------

    Case valid(OpenApi.Operation op) {
        return build(op, "valid", Expect.VALID, validBody(op), validQuery(op), false, "schema-built", null);
    }

    private JsonNode validBody(OpenApi.Operation op) {
        if (op.body() == null) {
            return null;
        }
        if (op.path().equals("/api/indicator-feeds")) {
            ArrayNode rows = F.arrayNode();
            int n = 1 + random.nextInt(5);
            int year = 2000 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                rows.addObject()
                        .put("indicator", fixtures.indicator())
                        .put("regionCode", "092")
                        .put("year", year + i)
                        .put("gender", List.of("male", "female", "total").get(random.nextInt(3)))
                        .put("value", Math.round(random.nextDouble() * 1000) / 10.0);
            }
            return rows;
        }
        return value("body", op.body(), 0);
    }

    private Map<String, String> validQuery(OpenApi.Operation op) {
        Map<String, String> query = new LinkedHashMap<>();
        for (OpenApi.Parameter p : op.in("query")) {
            if (p.required() || random.nextBoolean()) {
                query.put(p.name(), queryValidValue(op, p));
            }
        }
        return query;
    }

    private String queryValidValue(OpenApi.Operation op, OpenApi.Parameter p) {
        JsonNode known = fixtures.known(p.name(), p.schema(), null);
        return switch (p.name()) {
            case "region" ->
                op.path().startsWith("/api/indicators") && !op.path().endsWith("by-member") ? "092" : "HVA-4";
            case "goal" -> fixtures.approvedGoal();
            case "from" -> "2000";
            case "to" -> "2030";
            case "q" -> "lapset";
            case "format" -> "json";
            default ->
                known != null && !known.isContainer()
                        ? known.asString()
                        : scalar(p.name(), p.schema()).asString();
        };
    }

    /** A value for a schema (a property named {@code name}) that the API should accept. */
    JsonNode value(String name, JsonNode schema, int depth) {
        JsonNode known = fixtures.known(name, schema, null);
        if (known != null) {
            return known.deepCopy();
        }
        String type = OpenApi.type(schema);
        if (type.equals("object") && depth < 8) {
            ObjectNode object = F.objectNode();
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            schema.path("properties").properties().forEach(p -> {
                if (required.contains(p.getKey()) || random.nextInt(10) < 7) {
                    if (!p.getValue().path("readOnly").asBoolean(false)) {
                        object.set(p.getKey(), value(p.getKey(), p.getValue(), depth + 1));
                    }
                }
            });
            return object;
        }
        if (type.equals("array") && depth < 8) {
            ArrayNode array = F.arrayNode();
            int min = Math.max(1, schema.path("minItems").asInt(0));
            for (int i = 0; i < min; i++) {
                array.add(value(singular(name), schema.path("items"), depth + 1));
            }
            return array;
        }
        return scalar(name, schema);
    }

    private JsonNode scalar(String name, JsonNode schema) {
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            if (name.equals("direction")) {
                for (JsonNode v : values) {
                    if (v.asString().contains("INC") || v.asString().contains("UP")) {
                        return v;
                    }
                }
            }
            return values.get(random.nextInt(values.size()));
        }
        String type = OpenApi.type(schema);
        String format = schema.path("format").asString("");
        return switch (type) {
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : Math.max(min, 100);
                yield F.numberNode(min + (long) (random.nextDouble() * Math.min(100, max - min)));
            }
            case "number" -> F.numberNode(Math.round(random.nextDouble() * 1000) / 10.0);
            case "boolean" -> F.booleanNode(random.nextBoolean());
            case "string" ->
                switch (format) {
                    case "date" -> F.stringNode("2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9));
                    case "date-time" -> F.stringNode("2026-03-01T10:00:00Z");
                    case "uuid" -> F.stringNode(java.util.UUID.randomUUID().toString());
                    default -> {
                        int max = schema.path("maxLength").asInt(200);
                        String text = "Hostile suite " + name + " " + random.nextInt(1_000_000) + " åäö";
                        yield F.stringNode(text.length() > max ? text.substring(0, Math.max(1, max)) : text);
                    }
                };
            default -> F.stringNode("x");
        };
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    // ---- invalid bodies ------------------------------------------------------------------------------------

    /** A leaf or container of a body: its parent, its key (or index), its schema, whether it is required. */
    record Field(JsonNode parent, String key, int index, JsonNode schema, boolean required, String path) {

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    /** The fields of a fresh valid body of {@code op} of one sort: required, string, number, enum, date, any. */
    private List<Field> fields(OpenApi.Operation op, String sort) {
        return fields(validBody(op), op.body(), sort);
    }

    private List<Field> fields(JsonNode body, JsonNode schema, String sort) {
        List<Field> found = new ArrayList<>();
        collect(body, schema, "", found);
        return found.stream()
                .filter(f -> switch (sort) {
                    case "required" -> f.required() && f.parent() instanceof ObjectNode;
                    case "string" ->
                        OpenApi.type(f.schema()).equals("string") && !f.schema().has("enum");
                    case "number" -> List.of("integer", "number").contains(OpenApi.type(f.schema()));
                    case "enum" -> f.schema().has("enum");
                    case "date" -> f.schema().path("format").asString("").startsWith("date");
                    default -> true;
                })
                .toList();
    }

    private void collect(JsonNode node, JsonNode schema, String path, List<Field> found) {
        if (node instanceof ObjectNode object) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            for (String key : new ArrayList<>(object.propertyNames())) {
                JsonNode child = schema.path("properties").path(key);
                String childPath = path.isEmpty() ? key : path + "." + key;
                found.add(new Field(object, key, -1, child, required.contains(key), childPath));
                collect(object.get(key), child, childPath, found);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                found.add(new Field(array, null, i, schema.path("items"), false, childPath));
                collect(array.get(i), schema.path("items"), childPath, found);
            }
        }
    }

    /** Picks a field of a fresh valid body and changes it; the whole body is sent. */
    private Case mutate(OpenApi.Operation op, String kind, Expect expect, String sort, Mutation mutation) {
        JsonNode body = validBody(op);
        List<Field> candidates = fields(body, op.body(), sort);
        if (candidates.isEmpty()) {
            return valid(op);
        }
        Field field = candidates.get(random.nextInt(candidates.size()));
        Expect actual = mutation.apply(field);
        if (rowsJudgedAlone(op)) {
            // a feed is a batch: a bad row is rejected in the feed's status (202), the others are kept
            actual = Expect.HOSTILE;
        }
        return build(op, kind, actual == null ? expect : actual, body, validQuery(op), false, field.path(), null);
    }

    /** Changes one field; returns the expectation if it differs from the kind's. */
    interface Mutation {
        Expect apply(Field field);
    }

    Case missingRequired(OpenApi.Operation op) {
        return mutate(op, "missing-required", Expect.INVALID, "required", field -> {
            field.remove();
            return null;
        });
    }

    Case nullRequired(OpenApi.Operation op) {
        return mutate(op, "null-required", Expect.INVALID, "required", field -> {
            field.set(F.nullNode());
            return null;
        });
    }

    Case wrongType(OpenApi.Operation op) {
        return mutate(op, "wrong-type", Expect.INVALID, "any", field -> {
            String type = OpenApi.type(field.schema());
            List<JsonNode> wrong = switch (type) {
                case "string" ->
                    List.of(F.objectNode().put("a", 1), F.arrayNode().add("x"));
                case "integer", "number" ->
                    List.of(F.stringNode("abc"), F.objectNode(), F.arrayNode().add(1), F.booleanNode(true));
                case "boolean" -> List.of(F.stringNode("maybe"), F.objectNode(), F.arrayNode());
                case "array" -> List.of(F.objectNode().put("a", 1), F.numberNode(5));
                case "object" ->
                    List.of(F.stringNode("x"), F.numberNode(5), F.arrayNode().add(1));
                default -> List.of(F.objectNode().put("a", 1));
            };
            field.set(wrong.get(random.nextInt(wrong.size())));
            return null;
        });
    }

    Case mongoOperator(OpenApi.Operation op) {
        return mutate(op, "mongo-operator", Expect.INVALID, "string", field -> {
            field.set(JSON.readTree(MONGO_OPERATORS.get(random.nextInt(MONGO_OPERATORS.size()))));
            return null;
        });
    }

    Case mongoString(OpenApi.Operation op) {
        return mutate(op, "mongo-string", Expect.HOSTILE, "string", field -> {
            field.set(F.stringNode(MONGO_STRINGS.get(random.nextInt(MONGO_STRINGS.size()))));
            return null;
        });
    }

    Case unknownField(OpenApi.Operation op) {
        JsonNode body = validBody(op);
        List<Field> objects = fields(body, op.body(), "any").stream()
                .filter(f -> f.parent() instanceof ObjectNode)
                .toList();
        ObjectNode target;
        String where;
        if (body instanceof ObjectNode o && (objects.isEmpty() || random.nextInt(3) > 0)) {
            target = o;
            where = "";
        } else {
            List<JsonNode> containers = new ArrayList<>();
            collectObjects(body, containers);
            if (containers.isEmpty()) {
                return valid(op);
            }
            target = (ObjectNode) containers.get(random.nextInt(containers.size()));
            where = "nested ";
        }
        String name = MASS_ASSIGNMENT.get(random.nextInt(MASS_ASSIGNMENT.size()));
        if (target.has(name)) {
            name = "hostileExtra";
        }
        target.set(name, random.nextBoolean() ? F.stringNode("APPROVED") : F.numberNode(999));
        return build(
                op,
                "mass-assignment",
                rowsJudgedAlone(op) ? Expect.HOSTILE : Expect.INVALID,
                body,
                validQuery(op),
                false,
                where + name,
                null);
    }

    private static void collectObjects(JsonNode node, List<JsonNode> found) {
        if (node instanceof ObjectNode) {
            found.add(node);
        }
        if (node != null && node.isContainer()) {
            node.values().forEach(child -> collectObjects(child, found));
        }
    }

    Case outOfRange(OpenApi.Operation op) {
        return mutate(op, "out-of-range", Expect.INVALID, "number", field -> {
            JsonNode s = field.schema();
            List<JsonNode> values = new ArrayList<>(List.of(
                    F.numberNode(new java.math.BigInteger("99999999999999999999999")),
                    F.numberNode(new java.math.BigDecimal("1e309")),
                    F.numberNode(new java.math.BigDecimal("-1e309"))));
            if (s.has("minimum")) {
                values.add(F.numberNode(s.get("minimum").asLong() - 1));
            }
            if (s.has("maximum")) {
                values.add(F.numberNode(s.get("maximum").asLong() + 1));
            }
            JsonNode chosen = values.get(random.nextInt(values.size()));
            field.set(chosen);
            return null;
        });
    }

    Case overlong(OpenApi.Operation op) {
        return mutate(op, "overlong-string", Expect.INVALID, "string", field -> {
            int max = field.schema().path("maxLength").asInt(-1);
            if (max > 0) {
                field.set(F.stringNode("y".repeat(max + 1)));
                return null;
            }
            // the document sets no bound: 100,000 characters must not break anything
            field.set(F.stringNode("y".repeat(100_000)));
            return Expect.HOSTILE;
        });
    }

    Case badEnum(OpenApi.Operation op) {
        return mutate(op, "bad-enum", Expect.INVALID, "enum", field -> {
            List<String> bad = List.of("NOT_A_VALUE", "", "approved ", "$where");
            field.set(F.stringNode(bad.get(random.nextInt(bad.size()))));
            return null;
        });
    }

    Case badDate(OpenApi.Operation op) {
        return mutate(op, "bad-date", Expect.INVALID, "date", field -> {
            List<String> bad = List.of("2026-13-45", "not a date", "2026-02-30", "20260101", "-999999999-01-01x");
            field.set(F.stringNode(bad.get(random.nextInt(bad.size()))));
            return null;
        });
    }

    /** The feed's rows are checked one by one, each refusal named in the feed's status (README, indicator-service). */
    private static boolean rowsJudgedAlone(OpenApi.Operation op) {
        return op.path().equals("/api/indicator-feeds") && op.method().equals("POST");
    }

    // ---- parameters and callers -----------------------------------------------------------------------------

    Case queryValue(OpenApi.Operation op) {
        List<OpenApi.Parameter> params = op.in("query");
        OpenApi.Parameter p = params.get(random.nextInt(params.size()));
        Map<String, String> query = validQuery(op);
        String type = OpenApi.type(p.schema());
        boolean typed =
                !type.equals("string") || p.schema().has("enum") || p.schema().has("pattern");
        List<String> values = List.of(
                "{\"$gt\":\"\"}", "$where", "abc", "-1", "99999999999999999999", "1e309", "NaN", "\u0000", "../", "");
        String value = values.get(random.nextInt(values.size()));
        Expect expect = Expect.HOSTILE;
        if (value.isEmpty()) {
            expect = Expect.HOSTILE;
        } else if (type.equals("string")
                && !p.schema().has("enum")
                && p.schema().has("pattern")) {
            // a patterned text ("[A-Za-z0-9_-]{1,40}") takes "abc" and "NaN": only what misses the pattern is invalid
            expect = java.util.regex.Pattern.matches(p.schema().get("pattern").asString(), value)
                    ? Expect.HOSTILE
                    : Expect.INVALID;
        } else if (typed
                && !(type.equals("integer") && value.equals("-1") && !p.schema().has("minimum"))) {
            expect = Expect.INVALID;
        } else if (p.schema().has("maxLength")
                && value.length() > p.schema().get("maxLength").asInt()) {
            expect = Expect.INVALID;
        }
        if (random.nextInt(4) == 0 && p.schema().has("maxLength")) {
            value = "z".repeat(p.schema().get("maxLength").asInt() + 1);
            expect = Expect.INVALID;
        }
        query.put(p.name(), value);
        return build(op, "query-value", expect, validBody(op), query, false, p.name() + "=" + shorten(value), null);
    }

    Case queryOperatorName(OpenApi.Operation op) {
        List<OpenApi.Parameter> params = op.in("query");
        OpenApi.Parameter p = params.get(random.nextInt(params.size()));
        Map<String, String> query = validQuery(op);
        query.remove(p.name());
        String name = p.name()
                + List.of("[$ne]", "[$gt]", "[$regex]", ".$where", "[]").get(random.nextInt(5));
        query.put(name, "1");
        // Spring binds no such parameter: the request is the valid one without it
        return build(op, "query-operator-name", Expect.HOSTILE, validBody(op), query, false, name, null);
    }

    Case pathInjection(OpenApi.Operation op) {
        List<OpenApi.Parameter> params = op.in("path");
        OpenApi.Parameter p = params.get(random.nextInt(params.size()));
        String segment = HOSTILE_SEGMENTS.get(random.nextInt(HOSTILE_SEGMENTS.size()));
        return build(
                op,
                "path-injection",
                Expect.INVALID,
                validBody(op),
                validQuery(op),
                false,
                p.name() + "=" + shorten(segment),
                Map.of(p.name(), segment));
    }

    Case otherTenant(OpenApi.Operation op) {
        boolean read = op.method().equals("GET");
        // reading another region's plans and reports is allowed (they are public documents); changing them is not
        Case base = build(
                op,
                "other-tenant",
                read ? Expect.HOSTILE : Expect.INVALID,
                validBody(op),
                validQuery(op),
                true,
                "another tenant's ids",
                null);
        if (random.nextBoolean() || read) {
            return base;
        }
        // or: the other tenant's caller on our ids
        Request r = base.request();
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.put("Authorization", "Bearer " + gateway.token(fixtures.otherTenantClient(op)));
        Request ours = build(op, "other-tenant", Expect.INVALID, validBody(op), validQuery(op), false, "", null)
                .request();
        return new Case(
                op.name(),
                "other-tenant",
                Expect.INVALID,
                new Request(ours.method(), ours.path(), headers, ours.body(), false),
                "caller " + fixtures.otherTenantClient(op));
    }

    Case auth(OpenApi.Operation op) {
        Case valid = valid(op);
        Request r = valid.request();
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        String note;
        switch (random.nextInt(4)) {
            case 0 -> {
                headers.remove("Authorization");
                note = "no token";
            }
            case 1 -> {
                headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJjb29yZGluYXRvciJdfQ.");
                note = "alg none token";
            }
            case 2 -> {
                String token = gateway.token(fixtures.client(op));
                headers.put("Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA");
                note = "bad signature";
            }
            default -> {
                headers.put("Authorization", "Bearer " + gateway.token(fixtures.wrongRole(op)));
                note = "role " + fixtures.wrongRole(op);
            }
        }
        return new Case(
                op.name(), "auth", Expect.INVALID, new Request(r.method(), r.path(), headers, r.body(), false), note);
    }

    // ---- the fixed list ------------------------------------------------------------------------------------

    private void fixed(OpenApi.Operation op, List<Case> cases) {
        Case valid = valid(op);
        Request r = valid.request();
        String path = r.path();
        Map<String, String> auth = Map.of("Authorization", r.headers().get("Authorization"));
        // oversize headers: over the gateway's 16KB bound, and over Netty's 64KB
        for (int size : List.of(20 * 1024, 70 * 1024, 200 * 1024)) {
            Map<String, String> headers = new LinkedHashMap<>(r.headers());
            headers.put("X-Hostile-Pad", "h".repeat(size));
            cases.add(new Case(
                    op.name(),
                    "oversize-header",
                    Expect.INVALID,
                    new Request(r.method(), path, headers, r.body(), false),
                    size / 1024 + " KB header"));
        }
        if (op.body() == null) {
            return;
        }
        String type = op.mediaType().equals("text/csv") ? "text/csv" : "application/json";
        Map<String, String> json = new LinkedHashMap<>(auth);
        json.put("Content-Type", type);
        int limit = op.path().equals("/api/indicator-feeds") ? FEED_LIMIT : BODY_LIMIT;
        // one byte over the limit, with a length and chunked
        byte[] over = overLimit(limit + 1, op.path().equals("/api/indicator-feeds"));
        cases.add(new Case(
                op.name(),
                "over-limit",
                Expect.INVALID,
                new Request(r.method(), path, json, over, false),
                (limit + 1) + " bytes, Content-Length"));
        cases.add(new Case(
                op.name(),
                "over-limit",
                Expect.INVALID,
                new Request(r.method(), path, json, over, true),
                (limit + 1) + " bytes, chunked"));
        // 10,000-deep JSON
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        cases.add(body(op, r, json, deep, "deep-json", Expect.INVALID, "10,000 nested arrays"));
        cases.add(body(op, r, json, deepObject, "deep-json", Expect.INVALID, "10,000 nested objects"));
        // malformed and empty bodies, wrong media type
        for (String bad : List.of("", "null", "{", "{\"a\":}", "[1,2", "\"just a string\"", "{}garbage", "NaN")) {
            cases.add(body(op, r, json, bad, "malformed-json", Expect.INVALID, shorten(bad)));
        }
        String validJson = new String(r.body(), StandardCharsets.UTF_8);
        Map<String, String> plain = new LinkedHashMap<>(auth);
        plain.put("Content-Type", "text/plain");
        cases.add(body(op, r, plain, validJson, "media-type", Expect.INVALID, "text/plain"));
        Map<String, String> xml = new LinkedHashMap<>(auth);
        xml.put("Content-Type", "application/xml");
        cases.add(body(op, r, xml, "<a>1</a>", "media-type", Expect.INVALID, "application/xml"));
        // NaN and 1e309 in every number field, duplicate keys, invalid UTF-8, a huge array
        JsonNode validBody = JSON.readTree(r.body());
        List<Field> numbers = fields(validBody, op.body(), "number");
        for (Field field : numbers) {
            for (String special : List.of("NaN", "1e309", "-Infinity", "1e-400")) {
                String marker = "\"HOSTILE_NUMBER_MARKER\"";
                JsonNode copy = validBody.deepCopy();
                Field target = fields(copy, op.body(), "number").get(numbers.indexOf(field));
                target.set(F.stringNode("HOSTILE_NUMBER_MARKER"));
                String text =
                        JSON.writeValueAsString(copy).replaceFirst(java.util.regex.Pattern.quote(marker), special);
                // 1e-400 is zero, a real number; a feed rejects a row whose value is not finite (202)
                Expect expect = special.equals("1e-400") || (rowsJudgedAlone(op) && special.equals("1e309"))
                        ? Expect.HOSTILE
                        : Expect.INVALID;
                cases.add(body(op, r, json, text, "non-finite-number", expect, field.path() + "=" + special));
            }
        }
        if (validBody instanceof ObjectNode object && !object.isEmpty()) {
            String firstKey = object.propertyNames().iterator().next();
            String text = JSON.writeValueAsString(object);
            String duplicate = "{" + JSON.writeValueAsString(firstKey) + ":"
                    + JSON.writeValueAsString(object.get(firstKey)) + "," + text.substring(1);
            cases.add(body(op, r, json, duplicate, "duplicate-key", Expect.INVALID, firstKey + " twice"));
        } else if (validBody instanceof ArrayNode array && array.get(0) instanceof ObjectNode row) {
            String firstKey = row.propertyNames().iterator().next();
            String text = JSON.writeValueAsString(array);
            String duplicate = "[{" + JSON.writeValueAsString(firstKey) + ":"
                    + JSON.writeValueAsString(row.get(firstKey)) + "," + text.substring(2);
            // a duplicate key in a feed row: the feed must refuse the document or reject the row, never take either
            cases.add(body(op, r, json, duplicate, "duplicate-key", Expect.HOSTILE, "row key " + firstKey + " twice"));
        }
        List<Field> strings = fields(validBody, op.body(), "string");
        if (!strings.isEmpty()) {
            String marker = "HOSTILE_UTF8_MARKER";
            JsonNode copy = validBody.deepCopy();
            fields(copy, op.body(), "string").getFirst().set(F.stringNode(marker));
            byte[] text = JSON.writeValueAsBytes(copy);
            for (byte[] bad : List.of(new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xFF}, new byte[] {
                (byte) 0xED, (byte) 0xA0, (byte) 0x80
            })) {
                byte[] replaced = replace(text, marker.getBytes(StandardCharsets.UTF_8), bad);
                cases.add(new Case(
                        op.name(),
                        "invalid-utf8",
                        Expect.INVALID,
                        new Request(r.method(), path, json, replaced, false),
                        strings.getFirst().path()));
            }
        }
        List<Field> arrays = fields(validBody, op.body(), "any").stream()
                .filter(f -> OpenApi.type(f.schema()).equals("array"))
                .toList();
        if (!arrays.isEmpty() || validBody.isArray()) {
            JsonNode copy = validBody.deepCopy();
            ArrayNode huge = F.arrayNode();
            JsonNode item;
            String where;
            if (arrays.isEmpty()) {
                item = validBody.get(0);
                where = "body";
            } else {
                Field field = fields(copy, op.body(), "any").stream()
                        .filter(f -> OpenApi.type(f.schema()).equals("array"))
                        .findFirst()
                        .orElseThrow();
                item = field.parent().isObject()
                        ? field.parent().get(field.key()).path(0)
                        : F.stringNode("x");
                where = field.path();
                field.set(huge);
            }
            String itemText = JSON.writeValueAsString(item.isMissingNode() ? F.stringNode("x") : item);
            int count = Math.max(1000, (BODY_LIMIT - 50_000) / (itemText.length() + 1));
            for (int i = 0; i < count; i++) {
                huge.add(item.isMissingNode() ? F.stringNode("x") : item.deepCopy());
            }
            String text = validBody.isArray() && arrays.isEmpty()
                    ? JSON.writeValueAsString(huge)
                    : JSON.writeValueAsString(copy);
            // where the document sets no maxItems, a huge array may be taken: it must not break anything
            cases.add(body(op, r, json, text, "huge-array", Expect.HOSTILE, where + " x " + count));
        }
    }

    private Case body(
            OpenApi.Operation op,
            Request r,
            Map<String, String> headers,
            String text,
            String kind,
            Expect expect,
            String note) {
        return new Case(
                op.name(),
                kind,
                expect,
                new Request(r.method(), r.path(), headers, text.getBytes(StandardCharsets.UTF_8), false),
                note);
    }

    private static byte[] overLimit(int size, boolean feed) {
        // well-formed up to the limit, so that only the size can be the reason
        String head = feed
                ? "[{\"indicator\":1,\"regionCode\":\"092\",\"year\":2020,\"gender\":\"total\",\"value\":1,\"pad\":\""
                : "{\"title\":\"";
        String tail = feed ? "\"}]" : "\"}";
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) 'p');
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, bytes, size - tail.length(), tail.length());
        return bytes;
    }

    private static byte[] replace(byte[] text, byte[] marker, byte[] with) {
        String s = new String(text, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(new String(marker, StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(with);
        out.write(text, at + marker.length, text.length - at - marker.length);
        return out.toByteArray();
    }

    // ---- requests ------------------------------------------------------------------------------------------

    private Case build(
            OpenApi.Operation op,
            String kind,
            Expect expect,
            JsonNode body,
            Map<String, String> query,
            boolean otherTenant,
            String note,
            Map<String, String> rawPath) {
        String path = op.path();
        for (OpenApi.Parameter p : op.in("path")) {
            String value = rawPath != null && rawPath.containsKey(p.name())
                    ? rawPath.get(p.name())
                    : encode(fixtures.pathValue(op.path(), p.name(), otherTenant));
            path = path.replace("{" + p.name() + "}", value);
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&")
                    .append(encode(k))
                    .append('=')
                    .append(encode(v)));
            path += q;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + gateway.token(fixtures.client(op)));
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
            bytes = JSON.writeValueAsBytes(body);
        }
        if (op.method().equals("PUT")) {
            headers.put("If-Match", Fresh.ETAG);
        }
        return new Case(op.name(), kind, expect, new Request(op.method(), path, headers, bytes, false), note);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String value) {
        String printable = value.replace("\u0000", "\\0");
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + value.length() + ")" : printable;
    }

    /** Placeholders the suite fills in just before sending. */
    public static final class Fresh {
        /** The current ETag of the resource the PUT replaces. */
        public static final String ETAG = "{fresh-etag}";

        private Fresh() {}
    }
}
