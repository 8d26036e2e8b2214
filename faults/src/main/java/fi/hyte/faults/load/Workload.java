package fi.hyte.faults.load;

import fi.hyte.faults.stack.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * The deterministic mixed load: round {@code k} runs {@code units} units at once, each a user's whole story, in
 * order: a plan of Vantaa-Kerava, a goal, the council's approval, an action on the approved goal (once
 * action-service knows the goal), started and completed; an indicator feed of 6 values through the gateway; and one
 * raw row straight onto {@code hyte.indicator.feeds}. Names, values and keys derive from (round, unit) only, and
 * no two units touch the same aggregate or value, so two runs of the same rounds must store the same content.
 *
 * <p>Every step is retried until it is acknowledged (2xx, or the Kafka producer's acknowledgement), as a client
 * does. A create whose answer was lost (a timeout, a 5xx from the gateway) is looked up by its name before it is
 * sent again, since the API has no idempotency keys; a lifecycle step answered 409 is checked for having happened.
 * Each acknowledged write is recorded for the oracle.
 */
public final class Workload {

    public static final String REGION = "HVA-4";
    public static final String RAW_REGION = "245";
    static final int GOAL_INDICATOR = 4284;
    private static final String[] GENDERS = {"male", "female", "total"};
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(12);

    private final Api api;
    private final List<Integer> feedIndicators;
    private final int units;
    private final KafkaProducer<String, String> producer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Generated id -> the load's name for it. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();

    /** One acknowledged write: what, its name, the generated id (or the raw row's value key), the round. */
    public record Ack(String kind, String name, String id, int round, String detail) {}

    public Workload(Api api, String kafkaBootstrap, List<Integer> feedIndicators, int units) {
        this.api = api;
        this.feedIndicators = List.copyOf(feedIndicators);
        this.units = units;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafkaBootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        120_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        60_000),
                new StringSerializer(),
                new StringSerializer());
    }

    public String nameOf(String id) {
        return names.get(id);
    }

    public List<Ack> acks() {
        return acks;
    }

    public List<Ack> acks(int round) {
        return acks.stream().filter(a -> a.round() == round).toList();
    }

    /** Retries and look-ups the load made, for the report. */
    public List<String> notes() {
        return notes;
    }

    public int units() {
        return units;
    }

    public static int feedIndicator(List<Integer> feedIndicators, int round) {
        return feedIndicators.get(round % feedIndicators.size());
    }

    /** Runs round {@code round}'s units at once and returns when each has been acknowledged step by step. */
    public void runRound(int round) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                int unit = u;
                running.add(threads.submit(() -> {
                    unit(round, unit);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(30, TimeUnit.MINUTES);
            }
        }
    }

    private void unit(int round, int unit) throws InterruptedException {
        String label = "r" + round + "u" + unit;
        String coordinator = "coordinator";
        String owner = "owner-vantaa";
        String integrator = "integrator";

        // Raw row first, so that the topic sees load throughout the round.
        int indicator = feedIndicator(feedIndicators, round);
        int rawYear = 2000 + unit;
        String raw = String.format(
                Locale.ROOT,
                "{\"indicator\":%d,\"regionCode\":\"%s\",\"year\":%d,\"gender\":\"total\",\"value\":%.1f}",
                indicator,
                RAW_REGION,
                rawYear,
                value(round, unit, 7));
        sendRaw(round, label, raw, indicator, rawYear);

        String planTitle = "Fault suite plan " + label;
        String planId = create(
                "plan",
                label,
                round,
                () -> api.postJson("/api/plans", token(coordinator), """
                        {"region":"%s","title":"%s","termStart":2025,"termEnd":2029,"organisations":["vantaa"]}""".formatted(REGION, planTitle)),
                () -> find(api.get("/api/plans?region=" + REGION, token(coordinator)), planTitle));

        String goalTitle = "Fault suite goal " + label;
        String goalId = create(
                "goal",
                label,
                round,
                () -> api.postJson("/api/plans/" + planId + "/goals", token(coordinator), """
                        {"title":"%s","description":"goal of unit %s","ageGroup":"ALL","riskGroups":["nuoret"],
                         "measures":[{"indicator":%d,"baseline":{"year":2023,"value":12.5},
                         "target":{"year":2029,"value":9.0},"direction":"DECREASE"}]}""".formatted(
                                goalTitle, label, GOAL_INDICATOR)),
                () -> find(api.get("/api/plans/" + planId + "/goals", token(coordinator)), goalTitle));

        step(
                "approval",
                label,
                round,
                planId,
                () -> api.postJson("/api/plans/" + planId + "/approval", token(coordinator), """
                {"decisionBody":"aluevaltuusto","decisionDate":"2025-12-15","reference":"AV %s"}""".formatted(label)),
                () -> status(api.get("/api/plans/" + planId, token(coordinator)))
                        .equals("APPROVED"));

        String actionTitle = "Fault suite action " + label;
        String actionId = create(
                "action",
                label,
                round,
                () -> api.postJson("/api/actions", token(owner), """
                        {"goalId":"%s","title":"%s","kind":"ACTION","organisation":"vantaa",
                         "responsiblePerson":"Fault suite","start":"2026-01-15","due":"2030-12-15"}""".formatted(goalId, actionTitle)),
                () -> find(api.get("/api/actions?goal=" + goalId, token(owner)), actionTitle));

        step(
                "start",
                label,
                round,
                actionId,
                () -> api.postJson("/api/actions/" + actionId + "/start", token(owner), "{}"),
                () -> !status(api.get("/api/actions/" + actionId, token(owner))).equals("PLANNED"));
        step(
                "complete",
                label,
                round,
                actionId,
                () -> api.postJson(
                        "/api/actions/" + actionId + "/complete", token(owner), "{\"note\":\"done " + label + "\"}"),
                () -> status(api.get("/api/actions/" + actionId, token(owner))).equals("COMPLETED"));

        feed(round, unit, label, indicator, token(integrator));
    }

    /** Six values: this round's indicator, the county, year 2000+unit, three genders, a value and its revision. */
    private void feed(int round, int unit, String label, int indicator, String token) throws InterruptedException {
        StringBuilder rows = new StringBuilder("[");
        for (int g = 0; g < GENDERS.length; g++) {
            rows.append(g == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"indicator\":%d,\"regionCode\":\"%s\",\"year\":%d,\"gender\":\"%s\",\"value\":%.1f}",
                            indicator,
                            REGION,
                            2000 + unit,
                            GENDERS[g],
                            value(round, unit, g)));
        }
        String body = rows.append(']').toString();
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            Outcome out = call(() -> api.postJson("/api/indicator-feeds", token, body));
            if (out.status == 202) {
                String location = out.response.headers().firstValue("Location").orElseThrow();
                String id = location.substring(location.lastIndexOf('/') + 1);
                names.put(id, "feed:" + label);
                acks.add(new Ack("feed", label, URI.create(location).getPath(), round, body));
                return;
            }
            if (out.status >= 400 && out.status < 500 && out.status != 429) {
                throw new IllegalStateException("feed " + label + " refused: " + out);
            }
            notes.add("feed " + label + ": " + out + ", retrying (a lost 202 would make a second feed)");
            pause(deadline, "feed " + label);
        }
    }

    private void sendRaw(int round, String label, String row, int indicator, int year) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            try {
                producer.send(new ProducerRecord<>("hyte.indicator.feeds", "fault-" + label, row))
                        .get(3, TimeUnit.MINUTES);
                acks.add(new Ack("raw", label, indicator + ":" + RAW_REGION + ":" + year + ":total", round, row));
                return;
            } catch (Exception e) {
                notes.add("raw " + label + ": " + e + ", retrying");
                pause(deadline, "raw " + label);
            }
        }
    }

    static double value(int round, int unit, int g) {
        return 10 + ((round * 31 + unit * 7 + g * 3) % 50) + 0.5;
    }

    private String create(
            String kind, String label, int round, Supplier<HttpResponse<String>> post, Supplier<Optional<String>> find)
            throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        boolean ambiguous = false;
        while (true) {
            if (ambiguous) {
                Outcome lookup = call(() -> {
                    Optional<String> found = find.get();
                    return found.map(id -> (HttpResponse<String>) new Found(id)).orElse(null);
                });
                if (lookup.found != null) {
                    notes.add(kind + " " + label + ": its lost 201 was found by name");
                    return acked(kind, label, lookup.found, round);
                }
                if (lookup.status == -1) {
                    pause(deadline, kind + " " + label); // the look-up itself failed: ask again
                    continue;
                }
            }
            Outcome out = call(post);
            if (out.status == 201) {
                return acked(kind, label, Api.json(out.response).get("id").asString(), round);
            }
            if (kind.equals("action")
                    && out.status == 422
                    && out.response.body().contains("goalId")) {
                ambiguous = false; // action-service has not learnt of the approved goal yet: certainly not stored
            } else if (out.status >= 400 && out.status < 500 && out.status != 429 && out.status != 408) {
                throw new IllegalStateException(kind + " " + label + " refused: " + out);
            } else {
                ambiguous = true;
                notes.add(kind + " " + label + ": " + out + ", looking it up, then retrying");
            }
            pause(deadline, kind + " " + label);
        }
    }

    private String acked(String kind, String label, String id, int round) {
        names.put(id, kind + ":" + label);
        acks.add(new Ack(kind, label, id, round, ""));
        return id;
    }

    private void step(
            String kind,
            String label,
            int round,
            String id,
            Supplier<HttpResponse<String>> post,
            Supplier<Boolean> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            Outcome out = call(post);
            if (out.status == 200 || out.status == 201 || out.status == 204) {
                acks.add(new Ack(kind, label, id, round, ""));
                return;
            }
            if (out.status == 409 || out.status >= 500 || out.status == -1 || out.status == 429) {
                Outcome check = call(() -> done.get() ? new Found(id) : null);
                if (check.found != null) {
                    notes.add(kind + " " + label + ": " + out + " but it had happened");
                    acks.add(new Ack(kind, label, id, round, ""));
                    return;
                }
                notes.add(kind + " " + label + ": " + out + ", retrying");
            } else {
                throw new IllegalStateException(kind + " " + label + " refused: " + out);
            }
            pause(deadline, kind + " " + label);
        }
    }

    private String token(String client) {
        return tokens.computeIfAbsent(client, c -> {
            long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
            while (true) {
                try {
                    return api.token(c);
                } catch (RuntimeException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ie);
                    }
                }
            }
        });
    }

    private static Optional<String> find(HttpResponse<String> response, String title) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("look-up answered " + response.statusCode());
        }
        for (JsonNode item : Api.json(response)) {
            if (item.path("title").asString("").equals(title)) {
                return Optional.of(item.get("id").asString());
            }
        }
        return Optional.empty();
    }

    private static String status(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status read answered " + response.statusCode());
        }
        return Api.json(response).path("status").asString("");
    }

    private static void pause(long deadline, String what) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " was not acknowledged within " + STEP_TIMEOUT);
        }
        Thread.sleep(300);
    }

    /** A call's outcome: the status, -1 if no answer came (connection refused or reset, timeout). */
    private record Outcome(int status, HttpResponse<String> response, String found, String error) {
        @Override
        public String toString() {
            return status == -1
                    ? "no answer (" + error + ")"
                    : status + " " + abbreviate(response == null ? "" : response.body());
        }

        private static String abbreviate(String s) {
            return s.length() > 160 ? s.substring(0, 160) + "..." : s;
        }
    }

    private static Outcome call(Supplier<HttpResponse<String>> call) {
        try {
            HttpResponse<String> response = call.get();
            if (response instanceof Found found) {
                return new Outcome(200, null, found.id, null);
            }
            if (response == null) {
                return new Outcome(200, null, null, null);
            }
            return new Outcome(response.statusCode(), response, null, null);
        } catch (RuntimeException e) {
            return new Outcome(-1, null, null, String.valueOf(e.getMessage()));
        }
    }

    /** A look-up's hit, passed through {@link #call} like a response. */
    private record Found(String id) implements HttpResponse<String> {
        public int statusCode() {
            return 200;
        }

        public HttpRequest request() {
            return null;
        }

        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return null;
        }

        public String body() {
            return id;
        }

        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return Optional.empty();
        }

        public URI uri() {
            return null;
        }

        public HttpClient.Version version() {
            return null;
        }
    }

    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
