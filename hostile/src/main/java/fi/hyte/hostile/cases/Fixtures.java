package fi.hyte.hostile.cases;

import java.time.LocalDate;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What the cases aim at: ids of real objects of the stack (the demo data and the suite's own draft plan, goal,
 * negotiation, action and feed), another tenant's ids, and which demo client calls which operation.
 *
 * @param ids path parameter values of the caller's own objects, by {@code <path prefix>:<name>} or name
 * @param otherTenant path parameter values of objects of another region or organisation, same keys
 * @param approvedGoal an approved goal of the coordinator's region (actions need one)
 * @param draftGoal a goal of the suite's draft plan (negotiations agree on it)
 * @param indicator an indicator the catalogue knows (goals measure it, feeds carry it)
 */
public record Fixtures(
        Map<String, String> ids,
        Map<String, String> otherTenant,
        String approvedGoal,
        String draftGoal,
        int indicator) {

    static final String COORDINATOR = "coordinator";
    static final String OTHER_COORDINATOR = "coordinator-keusote";
    static final String INTEGRATOR = "integrator";

    /** The demo client that may call an operation with a valid request. */
    public String client(OpenApi.Operation operation) {
        return operation.path().startsWith("/api/indicator-feeds")
                        && operation.method().equals("POST")
                ? INTEGRATOR
                : COORDINATOR;
    }

    /** A client of another tenant with the same role, or one without the role. */
    public String otherTenantClient(OpenApi.Operation operation) {
        return client(operation).equals(INTEGRATOR) ? "viewer" : OTHER_COORDINATOR;
    }

    /** A client whose role may not call the operation at all. */
    String wrongRole(OpenApi.Operation operation) {
        if (operation.method().equals("GET")) {
            return "ops";
        }
        return client(operation).equals(INTEGRATOR) ? "coordinator" : "viewer";
    }

    /** The value of a path parameter, by the most specific key known. */
    public String pathValue(String path, String name, boolean ofOtherTenant) {
        Map<String, String> source = ofOtherTenant ? otherTenant : ids;
        String prefix = path.split("/").length > 2 ? path.split("/")[2] : "";
        String value = source.get(prefix + ":" + name);
        if (value == null) {
            value = source.get(name);
        }
        if (value == null && ofOtherTenant) {
            return pathValue(path, name, false);
        }
        return value == null ? "1" : value;
    }

    /**
     * A value for a property that the API checks against its stored data (a region, a goal, an indicator, dates in
     * order); null where the schema alone gives a good value.
     */
    JsonNode known(String property, JsonNode schema, JsonNode sibling) {
        JsonNodeFactory f = JsonMapper.shared().getNodeFactory();
        String type = OpenApi.type(schema);
        return switch (property) {
            case "region" -> type.equals("integer") ? f.numberNode(1) : f.stringNode("HVA-4");
            case "regionCode" -> f.stringNode("092");
            case "organisation" -> f.stringNode("vantaa");
            case "organisations" -> f.arrayNode().add("vantaa").add("kerava");
            case "goalId" -> f.stringNode(approvedGoal);
            case "agreedGoals" -> f.arrayNode().add(draftGoal);
            case "indicator" ->
                type.equals("string") ? f.stringNode(String.valueOf(indicator)) : f.numberNode(indicator);
            case "gender" -> f.stringNode("total");
            case "termStart" -> type.equals("integer") ? f.numberNode(2026) : f.stringNode("2026-01-01");
            case "termEnd" -> type.equals("integer") ? f.numberNode(2029) : f.stringNode("2029-12-31");
            case "start" -> f.stringNode("2026-02-01");
            case "due" -> f.stringNode("2026-11-30");
            case "decisionDate", "date" -> f.stringNode(LocalDate.now().toString());
            case "baseline" -> f.objectNode().put("year", 2020).put("value", 10.0);
            case "target" -> f.objectNode().put("year", 2028).put("value", 20.0);
            case "percentComplete" -> f.numberNode(40);
            case "year" -> f.numberNode(2024);
            case "value" -> f.numberNode(12.5);
            case "absValue" -> f.numberNode(125);
            case "parties" -> f.arrayNode().add("Vantaan kaupunki").add("Keravan kaupunki");
            default -> null;
        };
    }
}
