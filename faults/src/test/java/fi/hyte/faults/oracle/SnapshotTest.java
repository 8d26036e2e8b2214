package fi.hyte.faults.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static final String PLAN = "6f1c2a8e-0b7d-4c55-9e0a-2d4b7f3e9a11";

    @Test
    void generatedIdsTimesOffsetsAndBookkeepingFieldsAreTakenOut() {
        Document doc = new Document("_id", PLAN)
                .append("seq", 17L)
                .append("attempts", 2)
                .append("at", new Date())
                .append("occurredAt", "2026-11-23T18:45:35.123456Z")
                .append("decisionDate", "2025-12-15")
                .append("eventId", "0a0b0c0d-1111-2222-3333-444455556666")
                .append("feedId", "kafka:hyte.indicator.feeds:0:42")
                .append("correlationId", "raw:hyte.indicator.feeds:2:7+3")
                .append("goals", List.of(Map.of("planId", PLAN, "version", 3)));

        Object normalised = Snapshot.normalise(doc, id -> id.equals(PLAN) ? "plan:r0u1" : null);

        assertThat(normalised)
                .isEqualTo(Map.of(
                        "_id", "plan:r0u1",
                        "at", "<time>",
                        "occurredAt", "<time>",
                        "decisionDate", "2025-12-15",
                        "eventId", "<uuid>",
                        "feedId", "kafka:hyte.indicator.feeds:<offset>",
                        "correlationId", "raw:hyte.indicator.feeds:<offset>",
                        "goals", List.of(Map.of("planId", "plan:r0u1", "version", 3))));
    }
}
