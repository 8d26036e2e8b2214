package fi.hyte.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocsTest {

    final JsonMapper json = JsonMapper.shared();
    final ApiDocs docs = new ApiDocs(new ApiDocs.Services(), json);

    @Test
    void mergesPathsKeepsSharedSchemasOnceAndRenamesClashingOnes() {
        JsonNode plans = json.readTree("""
                {"paths": {"/api/plans": {"get": {"responses": {"200": {"content": {"application/json":
                   {"schema": {"$ref": "#/components/schemas/View"}}}}}}}},
                 "components": {"schemas": {"View": {"type": "object", "title": "plan"},
                                            "ProblemDetail": {"type": "object"}}}}""");
        JsonNode actions = json.readTree("""
                {"paths": {"/api/actions": {"get": {"responses": {"200": {"content": {"application/json":
                   {"schema": {"$ref": "#/components/schemas/View"}}}}}}}},
                 "components": {"schemas": {"View": {"type": "object", "title": "action"},
                                            "ProblemDetail": {"type": "object"}}}}""");
        JsonNode merged = docs.merge(List.of(
                Map.entry("plan-service", plans),
                Map.entry("action-service", actions),
                Map.entry("report-service", json.nullNode())));
        assertThat(merged.at("/components/schemas/View/title").asString()).isEqualTo("plan");
        assertThat(merged.at("/components/schemas/action-service.View/title").asString())
                .isEqualTo("action");
        assertThat(merged.at("/paths/~1api~1actions/get/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/action-service.View");
        assertThat(merged.at("/components/schemas").size()).isEqualTo(3);
        assertThat(merged.at("/info/description").asString()).contains("left out: report-service");
    }
}
