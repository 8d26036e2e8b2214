package fi.hyte.action.goal;

import fi.hyte.support.event.EventContext;
import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * Learns approved and retired goals, and closed plans, from {@code hyte.plan.events}. Each write is conditional on the
 * plan's aggregate version, so a redelivered or older event changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(PlanEventsConsumer.class);

    /** The fields of {@code goal.approved} and {@code goal.retired} this service needs. */
    record GoalEvent(String planId, String goalId, String region, Goal goal) {
        record Goal(String title) {}
    }

    @Bean
    Consumer<Message<byte[]>> planEvents(EventReader reader, MongoTemplate mongo) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            switch (event.type()) {
                case "goal.approved" ->
                    EventContext.runAs(event.actor(), event.correlationId(), () -> {
                        var goal = reader.payload(event, GoalEvent.class);
                        apply(
                                mongo,
                                event,
                                new KnownGoal(
                                        goal.goalId(),
                                        goal.planId(),
                                        goal.region(),
                                        goal.goal() == null ? null : goal.goal().title(),
                                        false,
                                        event.aggregateVersion()));
                    });
                case "goal.retired" -> {
                    var goal = reader.payload(event, GoalEvent.class);
                    var known = mongo.findById(goal.goalId(), KnownGoal.class);
                    if (known != null) {
                        apply(
                                mongo,
                                event,
                                new KnownGoal(
                                        known.id(),
                                        known.planId(),
                                        known.region(),
                                        known.title(),
                                        true,
                                        event.aggregateVersion()));
                    }
                }
                case "plan.closed" -> closePlan(mongo, event);
                default -> log.debug("ignoring {} {}", event.type(), event.id());
            }
        };
    }

    /** A closed plan's goals take no new actions; applied only to goals not already past this event. */
    private static void closePlan(MongoTemplate mongo, EventEnvelope event) {
        var goalsOfThePlan = Query.query(Criteria.where("planId")
                .is(event.aggregateId())
                .and("planRevision")
                .lt(event.aggregateVersion()));
        mongo.updateMulti(
                goalsOfThePlan,
                new Update().set("retired", true).set("planRevision", event.aggregateVersion()),
                KnownGoal.class);
    }

    /** Replaces the goal only if this event is newer than what was applied. */
    private static void apply(MongoTemplate mongo, EventEnvelope event, KnownGoal goal) {
        var olderOrMissing = Query.query(
                Criteria.where("_id").is(goal.id()).and("planRevision").lt(event.aggregateVersion()));
        try {
            mongo.findAndReplace(
                    olderOrMissing, goal, FindAndReplaceOptions.options().upsert());
        } catch (DuplicateKeyException alreadyNewer) {
            log.debug("goal {} already at or past plan revision {}", goal.id(), event.aggregateVersion());
        }
    }
}
