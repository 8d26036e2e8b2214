package fi.hyte.report.projection;

import fi.hyte.report.intake.DeadLetterSender;
import fi.hyte.report.intake.EventBatches;
import fi.hyte.report.intake.Received;
import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import fi.hyte.support.event.UnreadableEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * The consumers of the three event topics, in batch mode: a poll's records at a time, applied in order, the report
 * cache's generation advanced once per batch that changed something. Each keeps its own record of the fields it
 * needs from a producer's payload (a tolerant reader: unknown fields are ignored). A record that is not an event,
 * or whose payload does not fit, goes to {@code hyte.report-service.dlq} and the rest of its batch is applied.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    record PlanChanged(
            String planId,
            String region,
            String title,
            Integer termStart,
            Integer termEnd,
            List<PlanModel.Section> sections,
            List<String> organisations,
            PlanModel.Approval approval,
            Integer planVersion,
            Integer approvedVersion) {}

    record GoalApproved(
            String planId, String goalId, String region, int termStart, int termEnd, Integer planVersion, Goal goal) {
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
            String planId,
            String region,
            String title,
            String kind,
            String organisation,
            String responsiblePerson,
            LocalDate start,
            LocalDate due,
            String status,
            Integer percentComplete,
            String note,
            String reason) {}

    record IndicatorUpdated(int indicator, String region, int year, String gender, Double value, Double absValue) {}

    record CataloguePublished(List<County> counties) {
        record County(String code, List<String> municipalities) {}
    }

    /** These consumers dead-letter every unreadable record of their topics (the live log and the watch do not). */
    private static final Predicate<String> EVERY_TOPIC = topic -> true;

    @Bean
    Consumer<Message<List<byte[]>>> planEvents(
            EventBatches batches,
            DeadLetterSender deadLetters,
            EventReader reader,
            Projections projections,
            MongoTemplate mongo) {
        return batch -> {
            boolean changed = false;
            for (Received received : batches.read(batch, "planEvents", EVERY_TOPIC)) {
                try {
                    changed |= plan(reader, projections, mongo, received.event());
                } catch (UnreadableEvent e) {
                    deadLetters.send(received, "planEvents", e);
                }
            }
            if (changed) {
                projections.changed();
            }
        };
    }

    /** One plan or goal event, in the batch's order (an approval takes over the draft before it). */
    private static boolean plan(EventReader reader, Projections projections, MongoTemplate mongo, EventEnvelope event) {
        switch (event.type()) {
            case "plan.drafted", "plan.revised" -> {
                // a draft's or revision's sections and organisations are not in force until approved: kept
                // aside, and taken over by the next plan.approved
                var plan = reader.payload(event, PlanChanged.class);
                var update = new Update();
                setIfPresent(update, "region", plan.region());
                setIfPresent(update, "pendingSections", plan.sections());
                setIfPresent(update, "pendingOrganisations", plan.organisations());
                if (event.type().equals("plan.drafted")) {
                    update.set("status", "DRAFT");
                }
                return projections.applyIfNewer(PlanModel.class, event.aggregateId(), event, update);
            }
            case "plan.approved" -> {
                var plan = reader.payload(event, PlanChanged.class);
                var update = new Update()
                        .set("status", "APPROVED")
                        .set("approval", plan.approval())
                        .set("approvedVersion", plan.planVersion());
                setIfPresent(update, "region", plan.region());
                setIfPresent(update, "title", plan.title());
                setIfPresent(update, "termStart", plan.termStart());
                setIfPresent(update, "termEnd", plan.termEnd());
                var pending = mongo.findById(event.aggregateId(), org.bson.Document.class, "plans");
                if (pending != null) {
                    setIfPresent(update, "sections", pending.get("pendingSections"));
                    setIfPresent(update, "organisations", pending.get("pendingOrganisations"));
                }
                return projections.applyIfNewer(PlanModel.class, event.aggregateId(), event, update);
            }
            case "plan.revision-opened" -> {
                return projections.applyIfNewer(
                        PlanModel.class, event.aggregateId(), event, new Update().set("status", "REVISION"));
            }
            case "plan.closed" -> {
                return projections.applyIfNewer(
                        PlanModel.class, event.aggregateId(), event, new Update().set("status", "CLOSED"));
            }
            case "goal.approved" -> {
                var approved = reader.payload(event, GoalApproved.class);
                var goal = approved.goal();
                return projections.applyIfNewer(
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
                                .set("planVersion", approved.planVersion())
                                .set("status", "APPROVED"));
            }
            case "goal.retired" -> {
                // only a goal the read model knows as approved can be retired from it; a goal retired
                // while still a draft never reached the report
                return projections.applyToExistingIfNewer(
                        GoalModel.class,
                        reader.payload(event, GoalRetired.class).goalId(),
                        event,
                        new Update().set("status", "RETIRED"));
            }
            default -> {
                log.debug("not projected: {} {}", event.type(), event.id());
                return false;
            }
        }
    }

    @Bean
    Consumer<Message<List<byte[]>>> actionEvents(
            EventBatches batches, DeadLetterSender deadLetters, EventReader reader, Projections projections) {
        return batch -> {
            boolean changed = false;
            for (Received received : batches.read(batch, "actionEvents", EVERY_TOPIC)) {
                try {
                    changed |= action(reader, projections, received.event());
                } catch (UnreadableEvent e) {
                    deadLetters.send(received, "actionEvents", e);
                }
            }
            if (changed) {
                projections.changed();
            }
        };
    }

    private static boolean action(EventReader reader, Projections projections, EventEnvelope event) {
        if (!event.type().startsWith("action.")) {
            return false;
        }
        var action = reader.payload(event, ActionChanged.class);
        var update = new Update().set("goalId", action.goalId()).set("organisation", action.organisation());
        setIfPresent(update, "planId", action.planId());
        setIfPresent(update, "region", action.region());
        setIfPresent(update, "title", action.title());
        setIfPresent(update, "kind", action.kind());
        setIfPresent(update, "responsiblePerson", action.responsiblePerson());
        setIfPresent(update, "start", action.start());
        setIfPresent(update, "due", action.due());
        setIfPresent(update, "status", action.status());
        setIfPresent(update, "note", action.reason() != null ? action.reason() : action.note());
        setIfPresent(
                update,
                "percentComplete",
                "COMPLETED".equals(action.status()) ? Integer.valueOf(100) : action.percentComplete());
        return projections.applyIfNewer(ActionModel.class, action.actionId(), event, update);
    }

    /**
     * A batch of indicator events: its values are written together, one bulk write of one update per series
     * document, after the catalogues (which touch other documents) were applied in order.
     */
    @Bean
    Consumer<Message<List<byte[]>>> indicatorEvents(
            EventBatches batches,
            DeadLetterSender deadLetters,
            EventReader reader,
            Projections projections,
            MongoTemplate mongo) {
        return batch -> {
            boolean changed = false;
            var points = new ArrayList<Projections.Point>();
            for (Received received : batches.read(batch, "indicatorEvents", EVERY_TOPIC)) {
                EventEnvelope event = received.event();
                try {
                    switch (event.type()) {
                        case "indicator.updated" -> {
                            var point = point(reader, event);
                            if (point != null) {
                                points.add(point);
                            }
                        }
                        case "indicator.catalogue-published" -> {
                            counties(reader, mongo, event);
                            changed = true;
                        }
                        default -> log.debug("not projected: {} {}", event.type(), event.id());
                    }
                } catch (UnreadableEvent e) {
                    deadLetters.send(received, "indicatorEvents", e);
                }
            }
            changed |= projections.applyPoints(points);
            if (changed) {
                projections.changed();
            }
        };
    }

    private static Projections.Point point(EventReader reader, EventEnvelope event) {
        var value = reader.payload(event, IndicatorUpdated.class);
        Double figure = value.value() != null ? value.value() : value.absValue();
        if (figure == null || value.region() == null || value.gender() == null) {
            log.warn("indicator.updated {} carries no value, region or gender", event.id());
            return null;
        }
        return new Projections.Point(value.indicator(), value.region(), value.gender(), value.year(), figure, event);
    }

    /**
     * The catalogue is whole in every announcement, so the newest wins, by {@code occurredAt} as the producer's
     * contract says (its aggregate version restarts if indicator-service's database is rebuilt).
     */
    private static void counties(EventReader reader, MongoTemplate mongo, EventEnvelope event) {
        var catalogue = reader.payload(event, CataloguePublished.class);
        if (event.occurredAt() == null) {
            throw new UnreadableEvent("catalogue %s lacks occurredAt".formatted(event.id()));
        }
        if (catalogue.counties() == null) {
            return;
        }
        Date publishedAt = Date.from(event.occurredAt());
        for (var county : catalogue.counties()) {
            if (county.code() == null || county.municipalities() == null) {
                continue;
            }
            var olderOrMissing = Query.query(
                    Criteria.where("_id").is(county.code()).and("publishedAt").lt(publishedAt));
            try {
                mongo.upsert(
                        olderOrMissing,
                        new Update()
                                .set("municipalities", county.municipalities())
                                .set("publishedAt", publishedAt),
                        CountyModel.class);
            } catch (DuplicateKeyException alreadyNewer) {
                log.debug("county {} already reflects a catalogue as new as {}", county.code(), event.id());
            }
        }
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }
}
