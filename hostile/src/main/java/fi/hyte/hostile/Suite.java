package fi.hyte.hostile;

import fi.hyte.hostile.cases.Case;
import fi.hyte.hostile.cases.Cases;
import fi.hyte.hostile.cases.Fixtures;
import fi.hyte.hostile.cases.OpenApi;
import fi.hyte.hostile.stack.Gateway;
import fi.hyte.hostile.stack.Gateway.Reply;
import fi.hyte.hostile.stack.Gateway.Request;
import fi.hyte.hostile.stack.StoreSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the cases of every operation of the gateway's OpenAPI document and judges each answer:
 *
 * <ul>
 *   <li>never a 5xx and never a dropped connection, whatever the case;
 *   <li>every 4xx is {@code application/problem+json};
 *   <li>an invalid case is refused with a 4xx;
 *   <li>the refused (invalid) cases of an operation are sent as one batch between two snapshots of every store,
 *       taken once the stores have settled; the snapshots must be equal, and so must the operation's resource as
 *       a GET shows it.
 * </ul>
 */
public final class Suite {

    private static final JsonMapper JSON = JsonMapper.shared();

    private Suite() {}

    /** What a run found. */
    public record Result(String table, List<String> violations, int cases, int operations, int fiveHundreds) {}

    public static Result run(String gatewayUrl, String mongoUri, int perOperation) throws InterruptedException {
        return run(gatewayUrl, mongoUri, perOperation, System.out);
    }

    public static Result run(String gatewayUrl, String mongoUri, int perOperation, java.io.PrintStream log)
            throws InterruptedException {
        Instant started = Instant.now();
        Gateway gateway = new Gateway(gatewayUrl);
        List<OpenApi.Operation> operations = new ArrayList<>(new OpenApi(apiDocs(gateway))
                .operations().stream().map(Suite::feedBody).toList());
        operations.sort(Comparator.comparingInt(Suite::order).thenComparing(OpenApi.Operation::name));
        Fixtures fixtures = FixtureSetup.create(gateway, operations);
        log.printf("hostile: %d operations, fixtures %s%n", operations.size(), fixtures);
        Tally tally = new Tally();
        try (StoreSnapshot store = new StoreSnapshot(mongoUri)) {
            Cases cases = new Cases(fixtures, gateway, 20261123L);
            long reported = 0;
            for (OpenApi.Operation op : operations) {
                List<Case> all = cases.of(op, perOperation, true);
                List<Case> accepting = all.stream()
                        .filter(c -> c.expect() != Case.Expect.INVALID)
                        .toList();
                List<Case> refused = all.stream()
                        .filter(c -> c.expect() == Case.Expect.INVALID)
                        .toList();
                sendAll(gateway, fixtures, accepting, tally);
                Map<String, String> before = store.settled(20, 700);
                String resource = resource(op, fixtures);
                String resourceBefore = resource == null ? null : stableGet(gateway, resource);
                sendAll(gateway, fixtures, refused, tally);
                Thread.sleep(700);
                Map<String, String> after = store.take();
                tally.storeChecks++;
                Set<String> changed = StoreSnapshot.changed(before, after);
                if (!changed.isEmpty()) {
                    tally.violation(
                            op.name(),
                            "stores changed around %d refused requests: %s".formatted(refused.size(), changed));
                }
                if (resourceBefore != null) {
                    tally.resourceChecks++;
                    String resourceAfter = get(gateway, resource);
                    if (!Objects.equals(resourceBefore, resourceAfter)) {
                        tally.violation(op.name(), "GET " + resource + " changed around the refused requests");
                    }
                }
                Tally.Row row = tally.operations.get(op.name());
                tally.violations.stream().skip(reported).forEach(v -> log.println("hostile:   violation: " + v));
                reported = tally.violations.size();
                log.printf(
                        "hostile: %-60s %4d cases, %4d 2xx, %4d 4xx, %d 5xx, %d violations%n",
                        op.name(), row.cases, row.s2xx, row.s4xx, row.s5xx, row.violations);
            }
        }
        String table = "Hostile-input suite, " + LocalDate.now() + ", " + operations.size() + " operations, "
                + tally.total.cases + " cases, "
                + Duration.between(started, Instant.now()).toSeconds() + " s\n"
                + tally.table();
        return new Result(table, tally.violations, tally.total.cases, operations.size(), tally.total.s5xx);
    }

    /** How many requests are in flight at once (the cases of one batch, in any order). */
    static final int PARALLEL = 4;

    private static void sendAll(Gateway gateway, Fixtures fixtures, List<Case> cases, Tally tally)
            throws InterruptedException {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL)) {
            for (Case c : cases) {
                pool.submit(() -> send(gateway, fixtures, c, tally));
            }
        }
    }

    private static void send(Gateway gateway, Fixtures fixtures, Case c, Tally tally) {
        Request request = c.request();
        if (Cases.Fresh.ETAG.equals(request.headers().get("If-Match"))) {
            Reply current = gateway.send(Request.get(request.path(), gateway.token("coordinator")));
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            headers.put("If-Match", current.etag() == null ? "\"p0\"" : current.etag());
            request = new Request(request.method(), request.path(), headers, request.body(), request.chunked());
        }
        Reply reply = gateway.send(request);
        tally.add(c, reply, judge(c, reply));
    }

    /** Null if the answer passes, else what is wrong. */
    static String judge(Case c, Reply reply) {
        int status = reply.status();
        String what = "%s [%s] %s (%s): ".formatted(c.operation(), c.kind(), c.note(), c.expect());
        if (status == 0) {
            return what + reply.body();
        }
        if (status >= 500) {
            return what + status + " " + shorten(reply.body());
        }
        if (status >= 400 && !reply.isProblem()) {
            return what + status + " without problem+json (" + reply.contentType() + ") " + shorten(reply.body());
        }
        if (c.expect() == Case.Expect.INVALID && (status < 400 || status >= 500)) {
            return what + "accepted with " + status + " " + shorten(reply.body());
        }
        return null;
    }

    private static String shorten(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** The OpenAPI document, once every service is in it. */
    static JsonNode apiDocs(Gateway gateway) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Reply reply = gateway.send(new Request("GET", "/v3/api-docs", Map.of(), null, false));
            if (reply.status() == 200) {
                JsonNode doc = JSON.readTree(reply.body());
                if (!doc.has("x-missing-services") || attempt >= 30) {
                    return doc;
                }
            }
            Thread.sleep(2000);
        }
    }

    /**
     * The feed submission reads its body as a stream, so the document gives no body schema (a finding, listed in
     * the README); the suite uses the rows the README describes.
     */
    static OpenApi.Operation feedBody(OpenApi.Operation op) {
        if (!op.path().equals("/api/indicator-feeds") || !op.method().equals("POST") || op.body() != null) {
            return op;
        }
        JsonNode rows = JSON.readTree("""
                {"type": "array", "minItems": 1, "items": {"type": "object",
                  "required": ["indicator", "year", "gender", "value"],
                  "properties": {
                    "indicator": {"type": "integer", "format": "int32"},
                    "regionCode": {"type": "string"},
                    "year": {"type": "integer", "format": "int32"},
                    "gender": {"type": "string", "enum": ["male", "female", "total"]},
                    "value": {"type": "number", "format": "double"},
                    "absValue": {"type": "number", "format": "double"}}}}
                """);
        return op.withBody("application/json", rows);
    }

    /** Reads first (no stored change possible), then creations, edits, transitions, and endings last. */
    static int order(OpenApi.Operation op) {
        if (op.method().equals("GET")) {
            return 0;
        }
        String last = op.path().substring(op.path().lastIndexOf('/') + 1);
        return switch (last) {
            case "closure", "cancel", "complete", "retirement" -> 4;
            case "approval", "revisions", "start", "publications", "publication" -> 3;
            default -> op.method().equals("PUT") ? 2 : 1;
        };
    }

    /** The resource an operation acts on, as its path up to its last path parameter (own ids), or null. */
    static String resource(OpenApi.Operation op, Fixtures fixtures) {
        String path = op.path();
        int last = path.lastIndexOf('}');
        if (last < 0) {
            return null;
        }
        String prefix = path.substring(0, last + 1);
        for (OpenApi.Parameter p : op.in("path")) {
            prefix = prefix.replace("{" + p.name() + "}", fixtures.pathValue(op.path(), p.name(), false));
        }
        return prefix;
    }

    private static String get(Gateway gateway, String path) {
        Reply reply = gateway.send(Request.get(path, gateway.token("coordinator")));
        return reply.status() + " " + reply.body();
    }

    /** The resource's GET if two in a row agree (a report rendered with its time does not), else null. */
    private static String stableGet(Gateway gateway, String path) {
        String first = get(gateway, path);
        String second = get(gateway, path);
        return first.equals(second) && first.startsWith("200") ? first : null;
    }
}
