package fi.hyte.localstack.demo;

import fi.hyte.localstack.LocalStackProperties;
import fi.hyte.localstack.StackLayout;
import fi.hyte.localstack.StackReadyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo data set the first time the stack is ready: the plans, goals, negotiations and approvals
 * of {@code demo/plans.json}, the actions of {@code demo/actions.json} and an indicator series for every
 * demo measure, all posted through the gateway with the demo clients' tokens, exactly as a user or an
 * integrator would. A marker file under the data directory keeps it from loading twice; {@code --fresh}
 * loads it again. Turn it off with {@code hyte.local.demo=false}.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final Path marker;
    private final DemoClientApi api;
    private final JsonMapper json = JsonMapper.shared();

    DemoData(@Value("${hyte.local.demo:true}") boolean enabled, LocalStackProperties properties, StackLayout layout) {
        this.enabled = enabled;
        this.marker = layout.dataDir().resolve("demo-loaded");
        this.api = new DemoClientApi("http://localhost:" + properties.gatewayPort());
    }

    @EventListener
    void onReady(StackReadyEvent ready) {
        if (!enabled || Files.exists(marker)) {
            return;
        }
        Thread.ofPlatform().name("demo-data").daemon().start(this::load);
    }

    private void load() {
        Instant start = Instant.now();
        System.out.println("demo data: loading through the gateway ...");
        try {
            var goals = new HashMap<String, String>(); // goal title -> id
            var measures = new ArrayList<JsonNode>();
            int plans = 0;
            for (JsonNode entry : read("demo/plans.json")) {
                plans++;
                loadPlan(entry, goals, measures);
            }
            int actions = 0;
            for (JsonNode action : read("demo/actions.json")) {
                loadAction(action, goals);
                actions++;
            }
            int values = loadValues(measures);
            Files.writeString(marker, Instant.now().toString());
            System.out.printf(
                    "demo data: loaded %d plans, %d goals, %d actions, %d indicator values in %d s%n",
                    plans,
                    goals.size(),
                    actions,
                    values,
                    Duration.between(start, Instant.now()).toSeconds());
        } catch (RuntimeException | IOException e) {
            log.warn("Loading the demo data failed", e);
            System.out.println("demo data: FAILED (" + e.getMessage() + "); the stack runs without it");
        }
    }

    private void loadPlan(JsonNode entry, Map<String, String> goals, List<JsonNode> measures) {
        JsonNode plan = entry.get("plan");
        String coordinator = coordinatorOf(plan.get("region").asString());
        String planId = api.post(coordinator, "/api/plans", plan).get("id").asString();
        for (JsonNode goal : entry.path("goals")) {
            String goalId = api.post(coordinator, "/api/plans/" + planId + "/goals", goal)
                    .get("id")
                    .asString();
            goals.put(goal.get("title").asString(), goalId);
            goal.path("measures").forEach(measure -> {
                ObjectNode m = (ObjectNode) measure.deepCopy();
                if (!m.has("region")) {
                    m.put("region", plan.get("region").asString());
                }
                measures.add(m);
            });
        }
        for (JsonNode negotiation : entry.path("negotiations")) {
            ObjectNode body = (ObjectNode) negotiation.deepCopy();
            if (body.has("agreedGoals")) {
                ArrayNode ids = body.putArray("agreedGoals");
                negotiation
                        .get("agreedGoals")
                        .forEach(title -> ids.add(goals.getOrDefault(title.asString(), title.asString())));
            }
            api.post(coordinator, "/api/plans/" + planId + "/negotiations", body);
        }
        if (entry.has("approval")) {
            api.post(coordinator, "/api/plans/" + planId + "/approval", entry.get("approval"));
        }
    }

    /** Posts an action once action-service has learnt of its goal, then walks it through its steps. */
    private void loadAction(JsonNode action, Map<String, String> goals) {
        String goalId = goals.get(action.get("goal").asString());
        if (goalId == null) {
            throw new IllegalStateException("demo action under unknown goal " + action.get("goal"));
        }
        ObjectNode body = (ObjectNode) action.get("body").deepCopy();
        body.put("goalId", goalId);
        String client = action.get("client").asString();
        String id = api.postWhenAccepted(client, "/api/actions", body, Duration.ofSeconds(60))
                .get("id")
                .asString();
        for (JsonNode step : action.path("steps")) {
            String verb = step.get("step").asString();
            api.post(client, "/api/actions/" + id + "/" + verb, step.has("body") ? step.get("body") : null);
        }
    }

    /** A yearly series for every demo measure, in one feed, so that the reports have trends to show. */
    private int loadValues(List<JsonNode> measures) {
        ArrayNode rows = json.createArrayNode();
        for (int i = 0; i < measures.size(); i++) {
            JsonNode measure = measures.get(i);
            DemoSeries.of(measure, i)
                    .forEach(point -> rows.addObject()
                            .put("indicator", measure.get("indicator").asInt())
                            .put("regionCode", measure.get("region").asString())
                            .put("year", point.year())
                            .put("gender", measure.path("gender").asString("total"))
                            .put("value", point.value()));
        }
        if (!rows.isEmpty()) {
            api.post("integrator", "/api/indicator-feeds", rows);
        }
        return rows.size();
    }

    private static String coordinatorOf(String region) {
        return switch (region) {
            case "HVA-2" -> "coordinator-keusote";
            default -> "coordinator";
        };
    }

    private JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
