package fi.hyte.indicator.feed;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The feeds waiting to be processed, claimed with one atomic {@code findAndModify} each, so that however
 * many instances sweep at once, one feed is processed by one worker at a time. A claim is a lease: a
 * worker that dies leaves its feed {@code PROCESSING}, and once the lease has lapsed the feed is claimable
 * again.
 */
@Component
class FeedQueue {

    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final FeedProperties properties;
    private final Clock clock;
    private final String collection;

    FeedQueue(MongoTemplate mongo, FeedProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.collection = mongo.getCollectionName(Feed.class);
    }

    /** Claims this feed if nobody holds it. */
    Optional<Feed> claim(String feedId) {
        Instant now = clock.instant();
        return claim(new Criteria().andOperator(where("_id").is(feedId), claimable(now)), now);
    }

    /** Claims the oldest feed nobody holds, if any. */
    Optional<Feed> claimNext() {
        Instant now = clock.instant();
        return claim(claimable(now), now);
    }

    /** Extends the lease of a feed this worker still holds; {@code false} if another worker took it over. */
    boolean renew(Feed feed) {
        // no version bump: the worker's final save must still match the version its claim produced
        var held = Query.query(where("_id").is(feed.id()).and(Feed.CLAIM).is(feed.claim()));
        var update = new Update().set(Feed.LEASE_UNTIL, Date.from(leaseFrom(clock.instant())));
        return mongo.updateFirst(held, update, collection).getMatchedCount() == 1;
    }

    /**
     * Shows a held feed's progress: the counts of its chunks done so far (absolute, so that writing them
     * again after a crash is harmless), and extends its lease; {@code false} if another worker took it over.
     */
    boolean progress(Feed feed, FeedTally tally) {
        var held = Query.query(where("_id").is(feed.id()).and(Feed.CLAIM).is(feed.claim()));
        var update = new Update()
                .set(Feed.LEASE_UNTIL, Date.from(leaseFrom(clock.instant())))
                .set(Feed.ACCEPTED, tally.accepted())
                .set(Feed.CHANGED, tally.changed())
                .set(Feed.UNCHANGED, tally.unchanged())
                .set(Feed.REJECTED, tally.rejected())
                .set(Feed.ERRORS, mongo.getConverter().convertToMongoType(tally.errors()));
        return mongo.updateFirst(held, update, collection).getMatchedCount() == 1;
    }

    /** Keeps an upload in progress from being taken for abandoned. */
    void extendUpload(String feedId) {
        var receiving = Query.query(where("_id").is(feedId).and(Feed.STATUS).is(FeedStatus.RECEIVING.name()));
        mongo.updateFirst(
                receiving, new Update().set(Feed.LEASE_UNTIL, Date.from(leaseFrom(clock.instant()))), collection);
    }

    /** Ids of feeds whose upload broke off (still {@code RECEIVING}, the upload's lease lapsed). */
    java.util.List<String> abandonedUploads() {
        var abandoned = Query.query(where(Feed.STATUS)
                .is(FeedStatus.RECEIVING.name())
                .and(Feed.LEASE_UNTIL)
                .lt(Date.from(clock.instant())));
        abandoned.fields().include("_id");
        return mongo.find(abandoned, org.bson.Document.class, collection).stream()
                .map(document -> document.getString("_id"))
                .toList();
    }

    /** Removes a feed whose upload broke off, if it is still {@code RECEIVING}; true if removed. */
    boolean removeAbandoned(String feedId) {
        var abandoned = Query.query(where("_id").is(feedId).and(Feed.STATUS).is(FeedStatus.RECEIVING.name()));
        return mongo.remove(abandoned, collection).getDeletedCount() == 1;
    }

    /** Gives a held feed back for another attempt soon, rather than when its lease lapses. */
    void release(Feed feed) {
        var held = Query.query(where("_id").is(feed.id()).and(Feed.CLAIM).is(feed.claim()));
        var update = new Update()
                .set(Feed.STATUS, FeedStatus.RECEIVED.name())
                .unset(Feed.CLAIM)
                .unset(Feed.LEASE_UNTIL);
        mongo.updateFirst(held, update, collection);
    }

    private Criteria claimable(Instant now) {
        return new Criteria()
                .orOperator(
                        where(Feed.STATUS).is(FeedStatus.RECEIVED.name()),
                        where(Feed.STATUS)
                                .is(FeedStatus.PROCESSING.name())
                                .and(Feed.LEASE_UNTIL)
                                .lt(Date.from(now)));
    }

    private Optional<Feed> claim(Criteria claimable, Instant now) {
        var query = Query.query(claimable).with(Sort.by(Feed.RECEIVED_AT));
        var update = new Update()
                .set(Feed.STATUS, FeedStatus.PROCESSING.name())
                .set(Feed.CLAIM, UUID.randomUUID().toString())
                .set(Feed.LEASE_UNTIL, Date.from(leaseFrom(now)))
                .inc(Feed.ATTEMPTS, 1)
                .inc(VERSION, 1);
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Feed.class, collection));
    }

    private Instant leaseFrom(Instant now) {
        return now.plus(properties.lease());
    }
}
