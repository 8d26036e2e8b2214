package fi.hyte.plan.catalogue;

import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import fi.hyte.support.event.UnreadableEvent;
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
 * Learns the indicator catalogue from {@code indicator.catalogue-published} on {@code hyte.indicator.events}
 * and ignores every other event there. Each announcement carries the whole catalogue, so the newest one wins:
 * the write is conditional on the event being newer ({@code occurredAt}) than the stored copy, which makes a
 * redelivery or an older duplicate change nothing. (Time rather than the aggregate version, so that a
 * catalogue announced by an indicator-service whose database was rebuilt, numbering from 1 again, is still
 * taken.)
 */
@Configuration(proxyBeanMethods = false)
class CatalogueConsumer {

    private static final Logger log = LoggerFactory.getLogger(CatalogueConsumer.class);

    /** The fields of {@code indicator.catalogue-published} this service needs. */
    record CataloguePublished(String contentHash, List<Integer> indicators, List<KnownCatalogue.County> counties) {}

    @Bean
    Consumer<Message<byte[]>> indicatorEvents(EventReader reader, MongoTemplate mongo) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            if (!"indicator.catalogue-published".equals(event.type())) {
                return; // value and feed events: nothing plan-service needs
            }
            var catalogue = reader.payload(event, CataloguePublished.class);
            if (catalogue.indicators() == null
                    || catalogue.indicators().isEmpty()
                    || catalogue.contentHash() == null
                    || event.occurredAt() == null) {
                // an empty catalogue would refuse every measure: better a dead letter an operator sees
                throw new UnreadableEvent(
                        "catalogue %s lacks indicators, contentHash or occurredAt".formatted(event.id()));
            }
            apply(mongo, event, catalogue);
        };
    }

    private static void apply(MongoTemplate mongo, EventEnvelope event, CataloguePublished catalogue) {
        Date occurredAt = Date.from(event.occurredAt());
        var olderOrMissing = Query.query(
                Criteria.where("_id").is(KnownCatalogue.ID).and("publishedAt").lt(occurredAt));
        var update = new Update()
                .set("contentHash", catalogue.contentHash())
                .set("indicators", catalogue.indicators())
                .set("counties", catalogue.counties() == null ? List.of() : catalogue.counties())
                .set("publishedAt", occurredAt);
        try {
            mongo.upsert(olderOrMissing, update, KnownCatalogue.class);
            log.info(
                    "Indicator catalogue {} learnt: {} indicators, {} counties with known municipalities",
                    catalogue.contentHash(),
                    catalogue.indicators().size(),
                    catalogue.counties() == null ? 0 : catalogue.counties().size());
        } catch (DuplicateKeyException alreadyNewer) {
            log.debug("catalogue {} is not newer than the one known", event.id());
        }
    }
}
