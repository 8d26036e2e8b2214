package fi.hyte.indicator.measured;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * Learns from {@code hyte.plan.events} which indicators goals in force measure: {@code goal.approved} brings a
 * goal's measures (again, with the revised ones, after each approval of the plan), {@code goal.retired} and
 * {@code plan.closed} take goals out of force. Every write is conditional on the plan's aggregate version, so
 * a redelivered or older event changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(PlanEventsConsumer.class);

    /** The fields of {@code goal.approved} and {@code goal.retired} this service needs. */
    record GoalEvent(String planId, String goalId, String region, Goal goal) {

        record Goal(List<Measure> measures) {}

        record Measure(Integer indicator) {}

        List<Integer> indicators() {
            if (goal == null || goal.measures() == null) {
                return List.of();
            }
            return goal.measures().stream()
                    .filter(Objects::nonNull)
                    .map(Measure::indicator)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
        }
    }

    @Bean
    Consumer<Message<byte[]>> planEvents(EventReader reader, MongoTemplate mongo) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            switch (event.type()) {
                case "goal.approved" -> {
                    var goal = reader.payload(event, GoalEvent.class);
                    replace(
                            mongo,
                            new MeasuredGoal(
                                    goal.goalId(),
                                    goal.planId(),
                                    goal.region(),
                                    goal.indicators(),
                                    true,
                                    event.aggregateVersion()));
                }
                case "goal.retired" -> retire(mongo, reader.payload(event, GoalEvent.class), event);
                case "plan.closed" -> closePlan(mongo, event);
                default -> log.debug("ignoring {} {}", event.type(), event.id());
            }
        };
    }

    /** Replaces the goal only if this event is newer than what was applied. */
    private static void replace(MongoTemplate mongo, MeasuredGoal goal) {
        var olderOrMissing = Query.query(
                where("_id").is(goal.id()).and(MeasuredGoal.PLAN_REVISION).lt(goal.planRevision()));
        try {
            mongo.findAndReplace(
                    olderOrMissing, goal, FindAndReplaceOptions.options().upsert());
        } catch (DuplicateKeyException alreadyNewer) {
            log.debug("goal {} already at or past plan revision {}", goal.id(), goal.planRevision());
        }
    }

    /**
     * Takes the goal out of force; a goal retired before it was ever approved (or before its approval was
     * seen) is remembered as retired, so that an older approval delivered late cannot bring it back.
     */
    private static void retire(MongoTemplate mongo, GoalEvent goal, EventEnvelope event) {
        var olderOrMissing = Query.query(
                where("_id").is(goal.goalId()).and(MeasuredGoal.PLAN_REVISION).lt(event.aggregateVersion()));
        var update = new Update()
                .set(MeasuredGoal.IN_FORCE, false)
                .set(MeasuredGoal.PLAN_REVISION, event.aggregateVersion())
                .setOnInsert(MeasuredGoal.PLAN_ID, goal.planId())
                .setOnInsert("region", goal.region())
                .setOnInsert(MeasuredGoal.INDICATORS, List.of());
        try {
            mongo.upsert(olderOrMissing, update, MeasuredGoal.class);
        } catch (DuplicateKeyException alreadyNewer) {
            log.debug("goal {} already at or past plan revision {}", goal.goalId(), event.aggregateVersion());
        }
    }

    /** A closed plan's goals are no longer in force; applied only to goals not already past this event. */
    private static void closePlan(MongoTemplate mongo, EventEnvelope event) {
        var goalsOfThePlan = Query.query(where(MeasuredGoal.PLAN_ID)
                .is(event.aggregateId())
                .and(MeasuredGoal.PLAN_REVISION)
                .lt(event.aggregateVersion()));
        mongo.updateMulti(
                goalsOfThePlan,
                new Update()
                        .set(MeasuredGoal.IN_FORCE, false)
                        .set(MeasuredGoal.PLAN_REVISION, event.aggregateVersion()),
                MeasuredGoal.class);
    }
}
