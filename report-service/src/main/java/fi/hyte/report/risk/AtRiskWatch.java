package fi.hyte.report.risk;

import fi.hyte.support.event.EventEnvelope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Decides when a goal is at risk. A value of a measure of an approved goal, for the baseline year or later,
 * that moves against the goal's direction raises {@code goal.at-risk}: against the value it replaces
 * ({@code previousValue}, a revision of the same year) or, for a year's first value, against the latest
 * earlier year in the report's value read model. The alert is inserted once under an id derived from the
 * goal and the triggering event, with its event in the same document (the outbox).
 */
@Component
class AtRiskWatch {

    private static final Logger log = LoggerFactory.getLogger(AtRiskWatch.class);

    /** The report's read model of indicator series (projection package), read here only by field names. */
    private static final String SERIES = "series";

    private final MongoTemplate mongo;
    private final Clock clock;

    AtRiskWatch(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The watch over one consumed batch, applied in the batch's order. The approved goals are read once per batch
     * (not once per value) and read again only after the batch changed one of them.
     */
    Batch batch() {
        return new Batch();
    }

    final class Batch {

        private Map<Integer, List<WatchedGoal>> watched;

        void approved(RiskFeed.GoalApproved approved, EventEnvelope event) {
            var goal = approved.goal();
            applyIfNewer(
                    WatchedGoal.class,
                    approved.goalId(),
                    event,
                    new Update()
                            .set("planId", approved.planId())
                            .set("region", approved.region())
                            .set("title", goal.title())
                            .set("measures", goal.measures())
                            .set("status", "APPROVED"));
            watched = null;
        }

        void retired(String goalId, EventEnvelope event) {
            applyIfNewer(
                    WatchedGoal.class,
                    goalId,
                    event,
                    new Update().set("status", "RETIRED").set("atRisk", false));
            watched = null;
        }

        void action(RiskFeed.ActionChanged action, EventEnvelope event) {
            var update = new Update().set("goalId", action.goalId()).set("organisation", action.organisation());
            if (action.status() != null) {
                update.set("status", action.status());
            }
            applyIfNewer(GoalAction.class, action.actionId(), event, update);
        }

        void updated(RiskFeed.IndicatorUpdated value, EventEnvelope event) {
            if (value.value() == null) {
                return;
            }
            for (WatchedGoal goal : watching(value.indicator())) {
                var measure = goal.measures().stream()
                        .filter(m -> m.indicator() == value.indicator()
                                && Objects.equals(m.region(), value.region())
                                && Objects.equals(m.gender(), value.gender())
                                && (m.baseline() == null
                                        || value.year() >= m.baseline().year()))
                        .findFirst();
                if (measure.isPresent() && judge(goal, measure.get(), value, event)) {
                    watched = null; // the goal's atRisk changed: read again before the next value
                }
            }
        }

        private List<WatchedGoal> watching(int indicator) {
            if (watched == null) {
                // the exact measure is picked in memory: $elemMatch is not something every Mongo-wire server does
                // well
                var approved = Query.query(Criteria.where("status").is("APPROVED"));
                var byIndicator = new HashMap<Integer, List<WatchedGoal>>();
                for (WatchedGoal goal : mongo.find(approved, WatchedGoal.class)) {
                    if (goal.measures() == null) {
                        continue;
                    }
                    goal.measures().stream()
                            .map(WatchedGoal.Measure::indicator)
                            .distinct()
                            .forEach(id -> byIndicator
                                    .computeIfAbsent(id, key -> new ArrayList<>())
                                    .add(goal));
                }
                watched = byIndicator;
            }
            return watched.getOrDefault(indicator, List.of());
        }
    }

    /** Returns whether it changed the goal's record. */
    private boolean judge(
            WatchedGoal goal, WatchedGoal.Measure measure, RiskFeed.IndicatorUpdated value, EventEnvelope event) {
        Double previous = value.previousValue() != null ? value.previousValue() : earlierYear(value);
        if (previous == null) {
            return false;
        }
        if (!GoalAtRisk.against(measure.direction(), previous, value.value())) {
            if (Boolean.TRUE.equals(goal.atRisk()) && !previous.equals(value.value())) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(goal.id())),
                        new Update().set("atRisk", false),
                        WatchedGoal.class);
                return true;
            }
            return false;
        }
        var alert = new GoalAtRisk(
                goal.id(),
                goal.planId(),
                goal.region(),
                goal.title(),
                new GoalAtRisk.Measure(value.indicator(), value.region(), value.gender(), value.year()),
                previous,
                value.value(),
                measure.direction(),
                owners(goal.id()),
                event.id().toString());
        try {
            mongo.insert(AtRiskAlert.raise(alert, clock.instant()));
        } catch (DuplicateKeyException alreadyRaised) {
            log.debug("goal.at-risk for {} from {} already raised", goal.id(), event.id());
            return false;
        }
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(goal.id())),
                new Update()
                        .set("atRisk", true)
                        .set("atRiskSince", clock.instant())
                        .set("lastAlert", alert),
                WatchedGoal.class);
        log.info("goal {} at risk: {} {} -> {}", goal.id(), value.indicator(), previous, value.value());
        return true;
    }

    /**
     * The value of the latest earlier year, from the report's series read model: one document per indicator and
     * region ({@code _id} {@code <indicator>:<region>}), whose {@code points} map {@code <gender>_<year>} to the
     * point's values by version (the highest is the value).
     */
    private Double earlierYear(RiskFeed.IndicatorUpdated value) {
        Document series = mongo.findById(value.indicator() + ":" + value.region(), Document.class, SERIES);
        if (series == null || !(series.get("points") instanceof Document points)) {
            return null;
        }
        String prefix = value.gender() + "_";
        Double latest = null;
        int latestYear = Integer.MIN_VALUE;
        for (var point : points.entrySet()) {
            if (!point.getKey().startsWith(prefix) || !(point.getValue() instanceof Document at)) {
                continue;
            }
            int year = Integer.parseInt(point.getKey().substring(prefix.length()));
            Double atYear = highestVersion(at);
            if (year < value.year() && year > latestYear && atYear != null) {
                latestYear = year;
                latest = atYear;
            }
        }
        return latest;
    }

    private static Double highestVersion(Document versions) {
        long highest = Long.MIN_VALUE;
        Double value = null;
        for (var entry : versions.entrySet()) {
            long version = Long.parseLong(entry.getKey());
            if (version > highest && entry.getValue() instanceof Number number) {
                highest = version;
                value = number.doubleValue();
            }
        }
        return value;
    }

    private List<String> owners(String goalId) {
        var actions =
                Query.query(Criteria.where("goalId").is(goalId).and("status").ne("CANCELLED"));
        var owners = new LinkedHashSet<String>();
        mongo.find(actions, GoalAction.class).stream()
                .map(GoalAction::organisation)
                .filter(Objects::nonNull)
                .sorted()
                .forEach(owners::add);
        return List.copyOf(owners);
    }

    private void applyIfNewer(Class<?> model, String id, EventEnvelope event, Update update) {
        var olderOrMissing =
                Query.query(Criteria.where("_id").is(id).and("version").lt(event.aggregateVersion()));
        try {
            mongo.upsert(olderOrMissing, update.set("version", event.aggregateVersion()), model);
        } catch (DuplicateKeyException alreadyApplied) {
            log.debug("{} {} already reflects version {}", model.getSimpleName(), id, event.aggregateVersion());
        }
    }
}
