package fi.hyte.indicator.sotkanet;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The connector's memory of each indicator, and the claims that let only one instance poll an indicator at a
 * time: a claim is one atomic {@code findAndModify} (upserting the indicator's document the first time), held
 * under a lease so that a poll left by a crash does not block the indicator for good.
 */
@Component
class IndicatorFetches {

    private final MongoTemplate mongo;
    private final Clock clock;

    IndicatorFetches(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Claims the indicator for {@code lease}, unless another poll holds it; returns what is remembered. */
    Optional<IndicatorFetch> claim(int indicator, Duration lease) {
        var now = clock.instant();
        var free = new Criteria()
                .andOperator(
                        where("_id").is(indicator),
                        new Criteria()
                                .orOperator(
                                        where(IndicatorFetch.CLAIM).is(null),
                                        where(IndicatorFetch.LEASE_UNTIL).lt(Date.from(now))));
        var update = new Update()
                .set(IndicatorFetch.CLAIM, UUID.randomUUID().toString())
                .set(IndicatorFetch.LEASE_UNTIL, Date.from(now.plus(lease)));
        try {
            return Optional.ofNullable(mongo.findAndModify(
                    Query.query(free),
                    update,
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    IndicatorFetch.class));
        } catch (DuplicateKeyException claimedElsewhere) {
            // the document exists and another poll holds it: the upsert's insert collided
            return Optional.empty();
        }
    }

    /** Releases a claim after a poll that found nothing new. */
    void unchanged(IndicatorFetch claimed) {
        release(claimed, new Update().unset(IndicatorFetch.FAILURE));
    }

    /** Releases a claim after fetching the data of {@code dataUpdated} and submitting it as {@code feedIds}. */
    void fetched(IndicatorFetch claimed, LocalDate dataUpdated, List<String> feedIds) {
        release(
                claimed,
                new Update()
                        .set(IndicatorFetch.DATA_UPDATED, dataUpdated == null ? null : dataUpdated.toString())
                        .set(IndicatorFetch.FETCHED_AT, Date.from(clock.instant()))
                        .set(IndicatorFetch.FEED_IDS, feedIds)
                        .unset(IndicatorFetch.FAILURE));
    }

    /** Releases a claim after a failed poll; what was fetched before stays, so the next round tries again. */
    void failed(IndicatorFetch claimed, String failure) {
        release(claimed, new Update().set(IndicatorFetch.FAILURE, failure));
    }

    Optional<IndicatorFetch> find(int indicator) {
        return Optional.ofNullable(mongo.findById(indicator, IndicatorFetch.class));
    }

    /** Applies {@code update} only if the claim is still this poll's: a poll whose lease lapsed changes nothing. */
    private void release(IndicatorFetch claimed, Update update) {
        update.set(IndicatorFetch.POLLED_AT, Date.from(clock.instant()))
                .unset(IndicatorFetch.CLAIM)
                .unset(IndicatorFetch.LEASE_UNTIL);
        mongo.updateFirst(
                Query.query(where("_id")
                        .is(claimed.indicator())
                        .and(IndicatorFetch.CLAIM)
                        .is(claimed.claim())),
                update,
                IndicatorFetch.class);
    }
}
