package fi.hyte.report.projection;

import fi.hyte.support.event.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one way read models are written: an upsert that applies only if the event is newer than what the
 * document already reflects. A repeated or older event finds no document to update, and its insert
 * collides with the existing {@code _id}, which is the signal that it was already applied.
 */
@Component
class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final MongoTemplate mongo;

    Projections(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Returns whether the event changed the read model. */
    boolean applyIfNewer(Class<?> model, String id, EventEnvelope event, Update update) {
        var olderOrMissing =
                Query.query(Criteria.where("_id").is(id).and("version").lt(event.aggregateVersion()));
        try {
            mongo.upsert(olderOrMissing, update.set("version", event.aggregateVersion()), model);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            log.debug("{} {} already reflects version {}", model.getSimpleName(), id, event.aggregateVersion());
            return false;
        }
    }

    /**
     * Like {@link #applyIfNewer} but never creates a document: for events that only change something the
     * read model already holds (a goal retired that was never approved leaves no trace).
     */
    boolean applyToExistingIfNewer(Class<?> model, String id, EventEnvelope event, Update update) {
        var older = Query.query(Criteria.where("_id").is(id).and("version").lt(event.aggregateVersion()));
        return mongo.updateFirst(older, update.set("version", event.aggregateVersion()), model)
                        .getModifiedCount()
                > 0;
    }
}
