package fi.hyte.indicator.sotkanet;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * plan-service's events as it publishes them on {@code hyte.plan.events}: {@code goal.approved} from a
 * recorded example ({@code events/goal.approved.v1.json}, one measure of indicator 4284) with the ids,
 * version and measured indicators changed; {@code goal.retired} and {@code plan.closed} in the shape of
 * plan-service's {@code asyncapi.yaml}.
 */
final class PlanEvents {

    static final String TOPIC = "hyte.plan.events";

    private final JsonMapper json = JsonMapper.builder().build();

    /** Publishes {@code goal.approved} of {@code goalId} measuring {@code indicators}; returns the record. */
    String approve(String planId, String goalId, long version, int... indicators) {
        ObjectNode event;
        try {
            event = (ObjectNode) json.readTree(new ClassPathResource("events/goal.approved.v1.json").getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event.put("id", UUID.randomUUID().toString());
        event.put("aggregateId", planId);
        event.put("aggregateVersion", version);
        var payload = (ObjectNode) event.get("payload");
        payload.put("planId", planId);
        payload.put("goalId", goalId);
        var measures = (ArrayNode) payload.get("goal").get("measures");
        var recorded = (ObjectNode) measures.get(0);
        measures.removeAll();
        for (int indicator : indicators) {
            measures.add(recorded.deepCopy().put("indicator", indicator));
        }
        String record = json.writeValueAsString(event);
        publish(planId, record);
        return record;
    }

    void retire(String planId, String goalId, long version) {
        publish(planId, """
                {"id": "%s", "type": "goal.retired", "schemaVersion": 1, "aggregateId": "%s",
                 "aggregateVersion": %d, "occurredAt": "2026-11-23T14:00:00Z", "region": "HVA-4",
                 "correlationId": "c", "actor": "coordinator",
                 "payload": {"planId": "%s", "goalId": "%s", "region": "HVA-4", "title": "t", "reason": "merged"}}""".formatted(UUID.randomUUID(), planId, version, planId, goalId));
    }

    void close(String planId, long version) {
        publish(planId, """
                {"id": "%s", "type": "plan.closed", "schemaVersion": 1, "aggregateId": "%s",
                 "aggregateVersion": %d, "occurredAt": "2026-11-23T14:00:00Z", "region": "HVA-4",
                 "correlationId": "c", "actor": "coordinator",
                 "payload": {"planId": "%s", "region": "HVA-4", "reason": "term ended", "approvedVersion": 1}}""".formatted(UUID.randomUUID(), planId, version, planId));
    }

    void publish(String planId, String record) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), TOPIC, planId, record);
    }
}
