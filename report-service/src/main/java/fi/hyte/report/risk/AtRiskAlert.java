package fi.hyte.report.risk;

import fi.hyte.support.outbox.OutboxAggregate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One raised {@code goal.at-risk}, and its outbox. The id comes from the goal and the triggering event, so a
 * redelivered or replayed {@code indicator.updated} finds it already there and raises nothing.
 */
@Document("at_risk_alerts")
class AtRiskAlert extends OutboxAggregate {

    @Id
    private final String id;

    private final GoalAtRisk alert;
    private final Instant raisedAt;

    @PersistenceCreator
    AtRiskAlert(String id, GoalAtRisk alert, Instant raisedAt) {
        this.id = id;
        this.alert = alert;
        this.raisedAt = raisedAt;
    }

    static AtRiskAlert raise(GoalAtRisk alert, Instant now) {
        var raised = new AtRiskAlert(idOf(alert.goalId(), alert.triggeredBy()), alert, now);
        raised.raise(alert);
        return raised;
    }

    static String idOf(String goalId, String triggeringEventId) {
        return UUID.nameUUIDFromBytes((goalId + "|" + triggeringEventId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    @Override
    public String region() {
        return alert.region();
    }

    GoalAtRisk alert() {
        return alert;
    }

    Instant raisedAt() {
        return raisedAt;
    }
}
