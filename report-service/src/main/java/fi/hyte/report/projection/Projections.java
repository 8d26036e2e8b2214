package fi.hyte.report.projection;

import com.mongodb.client.result.UpdateResult;
import fi.hyte.support.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
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
    private final Generation generation;
    private final Timer lag;
    private final Clock clock;

    Projections(MongoTemplate mongo, Generation generation, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.generation = generation;
        this.clock = clock;
        this.lag = Timer.builder("hyte.projection.lag")
                .description("From an event's occurrence to its projection into the report read models")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Counts an applied event's lag: from when it occurred to now, when the read model reflects it. */
    private void projected(EventEnvelope event) {
        if (event.occurredAt() != null) {
            lag.record(Duration.between(event.occurredAt(), clock.instant()));
        }
        generation.advance();
    }

    /** Returns whether the event changed the read model. */
    boolean applyIfNewer(Class<?> model, String id, EventEnvelope event, Update update) {
        var olderOrMissing =
                Query.query(Criteria.where("_id").is(id).and("version").lt(event.aggregateVersion()));
        try {
            mongo.upsert(olderOrMissing, update.set("version", event.aggregateVersion()), model);
            projected(event);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            log.debug("{} {} already reflects version {}", model.getSimpleName(), id, event.aggregateVersion());
            return false;
        }
    }

    /** For writes that are conditional in their own way (the catalogue): the report cache must know. */
    void changed() {
        generation.advance();
    }

    /**
     * Records one point of a series under the version of the value's event ({@code points.<point>.<version>}),
     * creating the document if need be. The write filters on the id alone (an extra condition would make the
     * embedded Mongo-wire server scan the collection) and needs no condition: it sets the same thing whenever
     * it is applied, and readers take the highest version. Returns whether it changed anything (a redelivered
     * or replayed event does not).
     */
    boolean applyPointIfNewer(
            int indicator, String region, String gender, int year, double value, EventEnvelope event) {
        String id = SeriesModel.id(indicator, region);
        String point = "points." + SeriesModel.key(gender, year) + "." + event.aggregateVersion();
        var byId = Query.query(Criteria.where("_id").is(id));
        var update =
                new Update().set("indicator", indicator).set("region", region).set(point, value);
        UpdateResult result;
        try {
            result = mongo.upsert(byId, update, SeriesModel.COLLECTION);
        } catch (DuplicateKeyException createdMeanwhile) {
            // another instance created the document meanwhile (a series' values come from several partitions)
            result = mongo.updateFirst(byId, update, SeriesModel.COLLECTION);
        }
        boolean applied = result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        if (applied) {
            projected(event);
        } else {
            log.debug("series {} already holds {}", id, point);
        }
        return applied;
    }

    /**
     * Like {@link #applyIfNewer} but never creates a document: for events that only change something the
     * read model already holds (a goal retired that was never approved leaves no trace).
     */
    boolean applyToExistingIfNewer(Class<?> model, String id, EventEnvelope event, Update update) {
        var older = Query.query(Criteria.where("_id").is(id).and("version").lt(event.aggregateVersion()));
        boolean applied = mongo.updateFirst(older, update.set("version", event.aggregateVersion()), model)
                        .getModifiedCount()
                > 0;
        if (applied) {
            generation.advance();
        }
        return applied;
    }
}
