package fi.hyte.report.risk;

import fi.hyte.support.event.EventContext;
import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The at-risk watch's consumer (binding {@code riskEvents-in-0}, group {@code report-service-risk}): it keeps
 * its own record of approved goals and their actions, so it depends on no other read model's timing, and
 * checks every {@code indicator.updated} against them.
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
    Consumer<Message<byte[]>> riskEvents(EventReader reader, AtRiskWatch watch) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            EventContext.runAs("report-service", event.correlationId(), () -> {
                switch (event.type()) {
                    case "goal.approved" -> watch.approved(reader.payload(event, GoalApproved.class), event);
                    case "goal.retired" ->
                        watch.retired(reader.payload(event, GoalRetired.class).goalId(), event);
                    case "indicator.updated" -> watch.updated(reader.payload(event, IndicatorUpdated.class), event);
                    default -> {
                        if (event.type().startsWith("action.")) {
                            watch.action(reader.payload(event, ActionChanged.class), event);
                        }
                    }
                }
            });
        };
    }
}
