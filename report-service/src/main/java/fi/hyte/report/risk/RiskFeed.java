package fi.hyte.report.risk;

import fi.hyte.report.intake.DeadLetterSender;
import fi.hyte.report.intake.EventBatches;
import fi.hyte.report.intake.Received;
import fi.hyte.support.event.EventContext;
import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import fi.hyte.support.event.UnreadableEvent;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The at-risk watch's consumer (binding {@code riskEvents-in-0}, group {@code report-service-risk}): it keeps
 * its own record of approved goals and their actions, so it depends on no other read model's timing, and
 * checks every {@code indicator.updated} against them, a consumed batch at a time, in the batch's order.
 */
@Configuration(proxyBeanMethods = false)
class RiskFeed {

    record GoalApproved(String planId, String goalId, String region, Goal goal) {
        record Goal(String title, List<WatchedGoal.Measure> measures) {}
    }

    record GoalRetired(String goalId) {}

    record ActionChanged(String actionId, String goalId, String organisation, String status) {}

    record IndicatorUpdated(
            int indicator, String region, int year, String gender, Double value, Double previousValue) {}

    @Bean
    Consumer<Message<List<byte[]>>> riskEvents(
            EventBatches batches, DeadLetterSender deadLetters, EventReader reader, AtRiskWatch watch) {
        return batch -> {
            var watching = watch.batch();
            // an unreadable record of these topics is dead-lettered by the read models' consumers
            for (Received received : batches.read(batch, "riskEvents", topic -> false)) {
                EventEnvelope event = received.event();
                try {
                    EventContext.runAs("report-service", event.correlationId(), () -> {
                        switch (event.type()) {
                            case "goal.approved" -> watching.approved(reader.payload(event, GoalApproved.class), event);
                            case "goal.retired" ->
                                watching.retired(
                                        reader.payload(event, GoalRetired.class).goalId(), event);
                            case "indicator.updated" ->
                                watching.updated(reader.payload(event, IndicatorUpdated.class), event);
                            default -> {
                                if (event.type().startsWith("action.")) {
                                    watching.action(reader.payload(event, ActionChanged.class), event);
                                }
                            }
                        }
                    });
                } catch (UnreadableEvent e) {
                    deadLetters.send(received, "riskEvents", e);
                }
            }
        };
    }
}
