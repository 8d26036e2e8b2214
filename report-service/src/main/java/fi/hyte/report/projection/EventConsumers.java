package fi.hyte.report.projection;

import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import fi.hyte.support.event.UnreadableEvent;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
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
 * The consumers of the three event topics. Each keeps its own record of the fields it needs from a
 * producer's payload (a tolerant reader: unknown fields are ignored).
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

    @Bean
    Consumer<Message<byte[]>> planEvents(EventReader reader, Projections projections, MongoTemplate mongo) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
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
                    projections.applyIfNewer(PlanModel.class, event.aggregateId(), event, update);
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
                    projections.applyIfNewer(PlanModel.class, event.aggregateId(), event, update);
                }
                case "plan.revision-opened" ->
                    projections.applyIfNewer(
                            PlanModel.class, event.aggregateId(), event, new Update().set("status", "REVISION"));
                case "plan.closed" ->
                    projections.applyIfNewer(
                            PlanModel.class, event.aggregateId(), event, new Update().set("status", "CLOSED"));
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
                                    .set("planVersion", approved.planVersion())
                                    .set("status", "APPROVED"));
                }
                case "goal.retired" ->
                    // only a goal the read model knows as approved can be retired from it; a goal retired
                    // while still a draft never reached the report
                    projections.applyToExistingIfNewer(
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
            projections.applyIfNewer(ActionModel.class, action.actionId(), event, update);
        };
    }

    @Bean
    Consumer<Message<byte[]>> indicatorEvents(EventReader reader, Projections projections, MongoTemplate mongo) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            switch (event.type()) {
                case "indicator.updated" -> value(reader, projections, event);
                case "indicator.catalogue-published" -> {
                    counties(reader, mongo, event);
                    projections.changed();
                }
                default -> log.debug("not projected: {} {}", event.type(), event.id());
            }
        };
    }

    private static void value(EventReader reader, Projections projections, EventEnvelope event) {
        var value = reader.payload(event, IndicatorUpdated.class);
        Double figure = value.value() != null ? value.value() : value.absValue();
        if (figure == null || value.region() == null || value.gender() == null) {
            log.warn("indicator.updated {} carries no value, region or gender", event.id());
            return;
        }
        projections.applyPointIfNewer(value.indicator(), value.region(), value.gender(), value.year(), figure, event);
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
