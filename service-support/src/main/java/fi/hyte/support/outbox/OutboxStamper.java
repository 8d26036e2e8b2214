package fi.hyte.support.outbox;

import fi.hyte.support.event.DomainEvent;
import fi.hyte.support.event.EventContext;
import fi.hyte.support.event.EventEnvelope;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the events an aggregate raised into envelopes inside the document being saved, just before it is
 * converted, so that no code path can save state without its events; wakes the relay after the save.
 */
class OutboxStamper extends AbstractMongoEventListener<OutboxAggregate> {

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final OutboxRelay relay;
    private final Supplier<String> traceparent;

    OutboxStamper(MongoTemplate mongo, JsonMapper json, Clock clock, OutboxRelay relay, Supplier<String> traceparent) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.relay = relay;
        this.traceparent = traceparent;
    }

    @Override
    public void onBeforeConvert(BeforeConvertEvent<OutboxAggregate> event) {
        OutboxAggregate aggregate = event.getSource();
        if (aggregate.lockVersion() != null) {
            forgetRelayed(aggregate, event.getCollectionName());
        }
        String correlationId = EventContext.correlationId();
        String actor = EventContext.actor();
        String trace = traceparent.get();
        for (OutboxAggregate.Raised raised : aggregate.raisedWithOrigins()) {
            EventOrigin origin = raised.origin();
            DomainEvent domainEvent = raised.event();
            var envelope = origin == null
                    ? new EventEnvelope(
                            UUID.randomUUID(),
                            domainEvent.type(),
                            domainEvent.schemaVersion(),
                            aggregate.aggregateId(),
                            aggregate.nextRevision(),
                            clock.instant(),
                            aggregate.region(),
                            correlationId,
                            actor,
                            json.valueToTree(domainEvent))
                    : new EventEnvelope(
                            origin.eventId(),
                            domainEvent.type(),
                            domainEvent.schemaVersion(),
                            origin.aggregateId(),
                            origin.aggregateVersion(),
                            clock.instant(),
                            origin.region(),
                            correlationId,
                            actor,
                            json.valueToTree(domainEvent));
            aggregate.stamp(new PendingEvent(
                    envelope.id().toString(),
                    envelope.type(),
                    envelope.aggregateId(),
                    json.writeValueAsString(envelope),
                    trace));
        }
        aggregate.clearRaised();
    }

    /**
     * A save replaces the whole document: without this, events the relay published since the aggregate was
     * loaded would be written back and published again. A relay pass between this read and the save can
     * still cause such a duplicate, which consumers absorb.
     */
    private void forgetRelayed(OutboxAggregate aggregate, String collection) {
        if (aggregate.pendingEvents().isEmpty()) {
            return;
        }
        var query = Query.query(Criteria.where("_id").is(aggregate.aggregateId()));
        query.fields().include("outbox.eventId");
        Document stored = mongo.findOne(query, Document.class, collection);
        if (stored == null || !(stored.get("outbox") instanceof List<?>)) {
            return; // cannot tell what was relayed: keep everything, at worst a duplicate
        }
        Set<String> stillPending = stored.getList("outbox", Document.class).stream()
                .map(pending -> pending.getString("eventId"))
                .collect(Collectors.toSet());
        aggregate.keepPending(stillPending);
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxAggregate> event) {
        if (!event.getSource().pendingEvents().isEmpty()) {
            relay.wakeUp();
        }
    }
}
