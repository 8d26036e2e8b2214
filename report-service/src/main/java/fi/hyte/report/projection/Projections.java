package fi.hyte.report.projection;

import com.mongodb.bulk.BulkWriteResult;
import fi.hyte.support.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
    private static final int DUPLICATE_KEY = 11000;

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
    }

    /**
     * Returns whether the event changed the read model. The caller advances the report cache's generation
     * ({@link #changed()}) once for all the changes of its batch.
     */
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

    /** After a batch's writes changed what a report shows: the report cache must know. */
    void changed() {
        generation.advance();
    }

    /** One value of a series, from one {@code indicator.updated}. */
    record Point(int indicator, String region, String gender, int year, double value, EventEnvelope event) {

        String seriesId() {
            return SeriesModel.id(indicator, region);
        }

        String path() {
            return "points." + SeriesModel.key(gender, year) + "." + event.aggregateVersion();
        }
    }

    /**
     * Records a batch's points, each under the version of its value's event ({@code points.<point>.<version>}),
     * with one unordered bulk write of one upsert per series document, filtered on the id alone (an extra
     * condition would make the embedded Mongo-wire server scan the collection). It needs no condition: a point's
     * path and value are the same whenever its event is applied, and readers take the highest version, so a
     * redelivered, replayed or out-of-order event changes nothing. Returns whether the batch changed anything.
     */
    boolean applyPoints(List<Point> points) {
        if (points.isEmpty()) {
            return false;
        }
        Map<String, Update> bySeries = new LinkedHashMap<>();
        for (Point point : points) {
            bySeries.computeIfAbsent(
                            point.seriesId(),
                            id -> new Update()
                                    .set("indicator", point.indicator())
                                    .set("region", point.region()))
                    .set(point.path(), point.value());
        }
        BulkWriteResult result = upsertAll(bySeries);
        boolean applied = result.getModifiedCount() > 0 || !result.getUpserts().isEmpty();
        if (applied) {
            points.forEach(point -> projected(point.event()));
        } else {
            log.debug("series already hold all {} points of the batch", points.size());
        }
        return applied;
    }

    private BulkWriteResult upsertAll(Map<String, Update> bySeries) {
        for (int attempt = 1; ; attempt++) {
            var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SeriesModel.COLLECTION);
            bySeries.forEach((id, update) ->
                    bulk.upsert(Query.query(Criteria.where("_id").is(id)), update));
            try {
                return bulk.execute();
            } catch (BulkOperationException e) {
                // another instance created a series document meanwhile (a series' values come from several
                // partitions): the upsert collided with its id; the same writes again update it
                boolean createdMeanwhile = e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
                if (!createdMeanwhile || attempt >= 3) {
                    throw e;
                }
            }
        }
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
            projected(event);
        }
        return applied;
    }
}
