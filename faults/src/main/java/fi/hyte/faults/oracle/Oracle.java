package fi.hyte.faults.oracle;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fi.hyte.faults.load.Workload;
import fi.hyte.faults.stack.Api;
import fi.hyte.faults.stack.FaultStack;
import fi.hyte.faults.stack.Kafka;
import fi.hyte.localstack.process.ChildState;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settling and the checks after it: every acknowledged write present, no event applied twice, dead letters as
 * injected, and (in {@link Snapshot}) every store identical to the fault-free run's.
 */
public final class Oracle {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final FaultStack stack;
    private final Kafka kafka;
    private final MongoClient mongo;
    private final Api api;
    private final Workload load;
    private String viewer;

    public Oracle(FaultStack stack, Kafka kafka, MongoClient mongo, Api api, Workload load) {
        this.stack = stack;
        this.kafka = kafka;
        this.mongo = mongo;
        this.api = api;
        this.load = load;
    }

    /**
     * Waits until the system is at rest: every child up, no consumer group lagging, no outbox pending, the round's
     * feeds processed, and two snapshots 2 s apart identical. Returns the last snapshot.
     */
    public Snapshot settle(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Snapshot previous = null;
        String why = "";
        while (System.nanoTime() < deadline) {
            why = unsettled();
            if (why == null) {
                Snapshot now = Snapshot.take(mongo, load::nameOf);
                if (previous != null && previous.hash().equals(now.hash())) {
                    return now;
                }
                previous = now;
                why = "stores still changing";
            } else {
                previous = null;
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the system did not settle within " + timeout + ": " + why);
    }

    private String unsettled() {
        try {
            var down = stack.launcher().status().stream()
                    .filter(s -> s.state() != ChildState.UP)
                    .map(s -> s.name() + " " + s.state())
                    .toList();
            if (!down.isEmpty()) {
                return "not up: " + down;
            }
            Map<String, Long> lag = kafka.lag();
            lag.values().removeIf(n -> n == 0);
            if (!lag.isEmpty()) {
                return "lag " + lag;
            }
            long pending = pendingOutboxes();
            if (pending > 0) {
                return pending + " outboxes pending";
            }
            long feeds = mongo.getDatabase("hyte-indicator")
                    .getCollection("feeds")
                    .countDocuments(Filters.nin("status", List.of("COMPLETED", "FAILED")));
            if (feeds > 0) {
                return feeds + " feeds not processed";
            }
            return null;
        } catch (Exception e) {
            return "not reachable: " + e.getMessage();
        }
    }

    private long pendingOutboxes() {
        long pending = 0;
        for (String name : Snapshot.DATABASES) {
            MongoDatabase db = mongo.getDatabase(name);
            for (String collection : db.listCollectionNames()) {
                pending += db.getCollection(collection).countDocuments(Filters.and(Filters.exists("outbox.0")));
            }
        }
        return pending;
    }

    /** Acknowledged writes (of the rounds up to {@code round}) that are missing or not in their final state. */
    public List<String> lostWrites(int round) {
        if (viewer == null) {
            viewer = api.token("viewer");
        }
        String integrator = api.token("integrator");
        List<String> lost = new ArrayList<>();
        Map<String, String> plans = new HashMap<>();
        for (Workload.Ack ack : load.acks()) {
            if (ack.round() > round) {
                continue;
            }
            try {
                switch (ack.kind()) {
                    case "plan" -> plans.put(ack.name(), ack.id());
                    default -> {}
                }
                String problem = switch (ack.kind()) {
                    case "plan", "approval" -> expectStatus(api.get("/api/plans/" + ack.id(), viewer), "APPROVED");
                    case "goal" -> goal(ack);
                    case "action", "start", "complete" ->
                        expectStatus(api.get("/api/actions/" + ack.id(), viewer), "COMPLETED");
                    case "feed" -> feed(ack, integrator);
                    case "raw" -> raw(ack);
                    default -> null;
                };
                if (problem != null) {
                    lost.add(ack.kind() + " " + ack.name() + ": " + problem);
                }
            } catch (RuntimeException e) {
                lost.add(ack.kind() + " " + ack.name() + ": " + e.getMessage());
            }
        }
        return lost;
    }

    private String goal(Workload.Ack ack) {
        // the goal is inside its plan
        String planId = load.acks().stream()
                .filter(a -> a.kind().equals("plan") && a.name().equals(ack.name()))
                .map(Workload.Ack::id)
                .findFirst()
                .orElseThrow();
        return expectStatus(api.get("/api/plans/" + planId + "/goals/" + ack.id(), viewer), "APPROVED");
    }

    private String feed(Workload.Ack ack, String integrator) {
        HttpResponse<String> response = api.get(ack.id(), integrator);
        if (response.statusCode() != 200) {
            return "GET answered " + response.statusCode();
        }
        JsonNode feed = Api.json(response);
        if (!feed.path("status").asString("").equals("COMPLETED")
                || feed.path("accepted").asInt() != JSON.readTree(ack.detail()).size()) {
            return "feed " + feed;
        }
        for (JsonNode row : JSON.readTree(ack.detail())) {
            String problem = value(row, row.get("regionCode").asString());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String raw(Workload.Ack ack) {
        JsonNode row = JSON.readTree(ack.detail());
        return value(row, row.get("regionCode").asString());
    }

    private String value(JsonNode row, String region) {
        int year = row.get("year").asInt();
        HttpResponse<String> response = api.get(
                "/api/indicators/%d/values?region=%s&gender=%s&from=%d&to=%d"
                        .formatted(
                                row.get("indicator").asInt(),
                                region,
                                row.get("gender").asString(),
                                year,
                                year),
                viewer);
        if (response.statusCode() != 200) {
            return "values GET answered " + response.statusCode();
        }
        for (JsonNode v : Api.json(response).path("values")) {
            if (v.path("year").asInt() == year
                    && v.path("value").asDouble() == row.get("value").asDouble()) {
                return null;
            }
        }
        return "value " + row + " not stored";
    }

    private static String expectStatus(HttpResponse<String> response, String status) {
        if (response.statusCode() != 200) {
            return "GET answered " + response.statusCode();
        }
        String actual = Api.json(response).path("status").asString("");
        return actual.equals(status) ? null : "status " + actual + ", expected " + status;
    }

    /**
     * Double effects: two different events in the event log (every event of every topic, by event id) for the same
     * aggregate, version, type and payload, i.e. one change announced twice under two ids; and documents of the
     * load's entities that no acknowledged write made (a create applied twice).
     */
    public List<String> duplicates(Snapshot snapshot) {
        List<String> found = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Document doc :
                mongo.getDatabase("hyte-report").getCollection("event_log").find()) {
            JsonNode envelope = JSON.readTree(doc.getString("envelope"));
            String key = String.join(
                    "|",
                    envelope.path("type").asString(""),
                    envelope.path("aggregateId").asString(""),
                    envelope.path("aggregateVersion").asString(""),
                    Objects.toString(Snapshot.normalise(
                            JSON.convertValue(envelope.path("payload"), Object.class), load::nameOf)));
            seen.merge(key, 1, Integer::sum);
        }
        seen.forEach((key, n) -> {
            if (n > 1) {
                found.add("event logged " + n + " times under different ids: "
                        + (key.length() > 300 ? key.substring(0, 300) + "..." : key));
            }
        });
        for (String entity : List.of("hyte-plan.plans", "hyte-action.actions", "hyte-indicator.feeds")) {
            snapshot.collections().getOrDefault(entity, List.of()).stream()
                    .filter(doc -> doc.contains("\"_id\":\"<uuid>\""))
                    .limit(3)
                    .forEach(doc -> found.add(entity + " holds a document no acknowledged write made: "
                            + (doc.length() > 300 ? doc.substring(0, 300) + "..." : doc)));
        }
        return found;
    }

    /** Dead letters per dead-letter topic: all of them, and those that are the suite's poison. */
    public Map<String, long[]> deadLetters(String marker) throws Exception {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        byte[] needle = marker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String topic : kafka.deadLetterTopics()) {
            var records = kafka.readAll(topic);
            long poison = records.stream()
                    .filter(r -> r.value() != null
                            && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(marker))
                    .count();
            counts.put(topic, new long[] {records.size(), poison});
        }
        return counts;
    }
}
