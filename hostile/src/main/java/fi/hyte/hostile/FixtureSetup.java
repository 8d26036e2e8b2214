package fi.hyte.hostile;

import fi.hyte.hostile.cases.Case;
import fi.hyte.hostile.cases.Cases;
import fi.hyte.hostile.cases.Fixtures;
import fi.hyte.hostile.cases.OpenApi;
import fi.hyte.hostile.stack.Gateway;
import fi.hyte.hostile.stack.Gateway.Reply;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds what the cases aim at in the demo data (an approved plan and goal of HVA-4, another region's plan and
 * action) and creates the suite's own objects through the API with valid generated requests: a draft plan of HVA-4
 * with a goal and a negotiation, an action on the approved goal, a feed.
 */
final class FixtureSetup {

    private static final JsonMapper JSON = JsonMapper.shared();

    private FixtureSetup() {}

    static Fixtures create(Gateway gateway, List<OpenApi.Operation> operations) {
        JsonNode plans = gateway.getJson("/api/plans", "coordinator");
        String approvedGoal = null;
        int indicator = 0;
        String demoPlan = null;
        String otherPlan = null;
        String otherGoal = null;
        for (JsonNode plan : plans) {
            boolean ours = plan.path("region").asString().equals("HVA-4");
            for (JsonNode goal : plan.path("goals")) {
                if (ours
                        && approvedGoal == null
                        && goal.path("status").asString().equals("APPROVED")) {
                    approvedGoal = goal.path("id").asString();
                    indicator = goal.path("measures").path(0).path("indicator").asInt();
                    demoPlan = plan.path("id").asString();
                }
                if (!ours && otherGoal == null) {
                    otherGoal = goal.path("id").asString();
                }
            }
            if (!ours && otherPlan == null) {
                otherPlan = plan.path("id").asString();
            }
        }
        if (approvedGoal == null || otherPlan == null) {
            throw new IllegalStateException("the demo data has no approved goal of HVA-4 or no plan of another region");
        }
        String otherAction = gateway.getJson("/api/actions?region=HVA-2", "coordinator-keusote")
                .path(0)
                .path("id")
                .asString("none");
        String demoAction = gateway.getJson("/api/actions?region=HVA-4", "coordinator")
                .path(0)
                .path("id")
                .asString("none");
        int year = Year.now().getValue();
        Map<String, String> ids = new HashMap<>(Map.of(
                "plans:planId",
                demoPlan,
                "plans:goalId",
                approvedGoal,
                "plans:version",
                "1",
                "actions:id",
                demoAction,
                "goals:goalId",
                approvedGoal,
                "indicators:id",
                String.valueOf(indicator),
                "regions:code",
                "092",
                "reports:region",
                "HVA-4",
                "reports:year",
                String.valueOf(year),
                "reports:version",
                "1"));
        ids.put("events:region", "HVA-4");
        Map<String, String> other = new HashMap<>(Map.of(
                "plans:planId",
                otherPlan,
                "plans:goalId",
                otherGoal == null ? approvedGoal : otherGoal,
                "actions:id",
                otherAction,
                "goals:goalId",
                otherGoal == null ? approvedGoal : otherGoal,
                "reports:region",
                "HVA-2"));
        Fixtures fixtures = new Fixtures(ids, other, approvedGoal, approvedGoal, indicator);

        // the suite's own objects, made by the generator's valid requests
        String draftPlan = idOf(create(gateway, fixtures, operations, "POST", "/api/plans"));
        ids.put("plans:planId", draftPlan);
        fixtures = new Fixtures(ids, other, approvedGoal, approvedGoal, indicator);
        String draftGoal = idOf(create(gateway, fixtures, operations, "POST", "/api/plans/{planId}/goals"));
        ids.put("plans:goalId", draftGoal);
        fixtures = new Fixtures(ids, other, approvedGoal, draftGoal, indicator);
        ids.put(
                "plans:negotiationId",
                idOf(create(gateway, fixtures, operations, "POST", "/api/plans/{planId}/negotiations")));
        ids.put("actions:id", idOf(create(gateway, fixtures, operations, "POST", "/api/actions")));
        ids.put("indicator-feeds:id", idOf(create(gateway, fixtures, operations, "POST", "/api/indicator-feeds")));
        ids.put("plans:versions", "1");
        return new Fixtures(Map.copyOf(ids), Map.copyOf(other), approvedGoal, draftGoal, indicator);
    }

    /** Sends generated valid requests of the operation until one is accepted (at most 20). */
    private static Reply create(
            Gateway gateway, Fixtures fixtures, List<OpenApi.Operation> operations, String method, String path) {
        OpenApi.Operation op = operations.stream()
                .filter(o -> o.method().equals(method) && o.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no operation " + method + " " + path));
        Cases cases = new Cases(fixtures, gateway, path.hashCode());
        Reply last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            Case c = cases.of(op, 1, false).getFirst();
            if (c.expect() != Case.Expect.VALID) {
                continue;
            }
            last = gateway.send(c.request());
            if (last.status() >= 200 && last.status() < 300) {
                return last;
            }
        }
        throw new IllegalStateException("could not create through " + op.name() + ": " + last);
    }

    private static String idOf(Reply reply) {
        if (reply.location() != null) {
            String location = reply.location();
            return location.substring(location.lastIndexOf('/') + 1);
        }
        return JSON.readTree(reply.body()).path("id").asString();
    }
}
