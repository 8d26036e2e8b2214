package fi.hyte.report.projection;

import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * The consumers of the three event topics. Each keeps its own record of the fields it needs from a
 * producer's payload (a tolerant reader: unknown fields are ignored).
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    record GoalApproved(String planId, String goalId, String region, int termStart, int termEnd, Goal goal) {
        record Goal(
                String title,
                String description,
                String ageGroup,
                List<String> riskGroups,
                List<GoalModel.MeasureModel> measures) {}
    }

    record GoalRetired(String goalId) {}

    record ActionChanged(
            String actionId,
            String goalId,
            String region,
            String title,
            String kind,
            String organisation,
            LocalDate start,
            LocalDate due,
            String status,
            Integer percentComplete) {}

    record IndicatorUpdated(int indicator, String region, int year, String gender, Double value, Double absValue) {}

    @Bean
    Consumer<Message<byte[]>> planEvents(EventReader reader, Projections projections) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            switch (event.type()) {
                case "goal.approved" -> {
                    var approved = reader.payload(event, GoalApproved.class);
                    var goal = approved.goal();
                    projections.applyIfNewer(
                            GoalModel.class,
                            approved.goalId(),
                            event,
                            new Update()
                                    .set("planId", approved.planId())
                                    .set("region", approved.region())
                                    .set("termStart", approved.termStart())
                                    .set("termEnd", approved.termEnd())
                                    .set("title", goal.title())
                                    .set("description", goal.description())
                                    .set("ageGroup", goal.ageGroup())
                                    .set("riskGroups", goal.riskGroups())
                                    .set("measures", goal.measures())
                                    .set("status", "APPROVED"));
                }
                case "goal.retired" ->
                    projections.applyIfNewer(
                            GoalModel.class,
                            reader.payload(event, GoalRetired.class).goalId(),
                            event,
                            new Update().set("status", "RETIRED"));
                default -> log.debug("not projected: {} {}", event.type(), event.id());
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> actionEvents(EventReader reader, Projections projections) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            if (!event.type().startsWith("action.")) {
                return;
            }
            var action = reader.payload(event, ActionChanged.class);
            var update = new Update().set("goalId", action.goalId()).set("organisation", action.organisation());
            setIfPresent(update, "region", action.region());
            setIfPresent(update, "title", action.title());
            setIfPresent(update, "kind", action.kind());
            setIfPresent(update, "start", action.start());
            setIfPresent(update, "due", action.due());
            setIfPresent(update, "status", action.status());
            setIfPresent(
                    update,
                    "percentComplete",
                    "COMPLETED".equals(action.status()) ? Integer.valueOf(100) : action.percentComplete());
            projections.applyIfNewer(ActionModel.class, action.actionId(), event, update);
        };
    }

    @Bean
    Consumer<Message<byte[]>> indicatorEvents(EventReader reader, Projections projections) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            if (!event.type().equals("indicator.updated")) {
                return;
            }
            var value = reader.payload(event, IndicatorUpdated.class);
            Double figure = value.value() != null ? value.value() : value.absValue();
            if (figure == null) {
                log.warn("indicator.updated {} carries no value", event.id());
                return;
            }
            projections.applyIfNewer(
                    ValueModel.class,
                    event.aggregateId(),
                    event,
                    new Update()
                            .set("indicator", value.indicator())
                            .set("region", value.region())
                            .set("year", value.year())
                            .set("gender", value.gender())
                            .set("value", figure));
        };
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }
}
