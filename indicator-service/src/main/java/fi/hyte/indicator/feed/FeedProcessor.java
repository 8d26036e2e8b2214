package fi.hyte.indicator.feed;

import fi.hyte.support.event.EventContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Processes a claimed feed chunk by chunk, in row order: each chunk's rows are checked and their values
 * written in one batch ({@link RowApplier}), their {@code indicator.updated} handed to the broker
 * ({@link ChangePublisher}), and once the broker has acknowledged them the chunk is marked {@code done} with its
 * counts and the feed shows the progress. Up to {@code hyte.feeds.chunks-in-flight} chunks wait for their
 * acknowledgements while the next ones are applied, so that Kafka and the value store work at the same time. Once
 * every chunk is done the feed ends with the counts. Every event it causes carries the submitter as actor and the
 * submitting request's correlation id.
 *
 * <p>A crash at any point is harmless: a chunk already done is not applied again (its counts are read back,
 * and its valid rows' keys remembered for the duplicate check); a chunk whose values were written but which
 * was not marked done is applied again, and its values, finding their revision from this feed row, give the
 * same events as the first time, which are sent again; a feed whose chunks are all done but which did not end is
 * ended by the next worker. A feed is therefore never {@code COMPLETED} before all its events are on Kafka.
 */
@Component
class FeedProcessor {

    private final Feeds feeds;
    private final FeedChunks chunks;
    private final FeedQueue queue;
    private final RowApplier applier;
    private final ChangePublisher publisher;
    private final MongoTemplate mongo;
    private final FeedProperties properties;
    private final Clock clock;
    private final Function<String, Counter> rows;

    FeedProcessor(
            Feeds feeds,
            FeedChunks chunks,
            FeedQueue queue,
            RowApplier applier,
            ChangePublisher publisher,
            MongoTemplate mongo,
            FeedProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.rows = outcome -> Counter.builder("hyte.feed.rows")
                .description("Feed rows processed, by outcome")
                .tag("outcome", outcome)
                .register(meters);
        this.feeds = feeds;
        this.chunks = chunks;
        this.queue = queue;
        this.applier = applier;
        this.publisher = publisher;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    void process(Feed feed) {
        EventContext.runAs(feed.submittedBy(), feed.correlationId(), () -> run(feed));
    }

    private void run(Feed feed) {
        var tally = new FeedTally(properties.maxErrors());
        var seen = new KeySet();
        Deque<Pending> inFlight = new ArrayDeque<>();
        for (int seq = 0; seq < feed.chunks(); seq++) {
            FeedChunk chunk = chunks.findById(FeedChunk.id(feed.id(), seq))
                    .orElseThrow(() -> new IllegalStateException("feed %s lacks a chunk".formatted(feed.id())));
            if (chunk.isDone()) {
                applier.remember(chunk.rows(), seen);
                inFlight.add(new Pending(chunk, null, ChangePublisher.Sent.NOTHING));
            } else {
                ChunkOutcome outcome = applier.apply(feed.id(), chunk.rows(), seen);
                inFlight.add(new Pending(chunk, outcome, publisher.send(outcome.changes())));
            }
            while (inFlight.size() > Math.max(0, properties.chunksInFlight() - 1)) {
                complete(feed, inFlight.poll(), tally);
            }
        }
        while (!inFlight.isEmpty()) {
            complete(feed, inFlight.poll(), tally);
        }
        feed.finish(tally, clock.instant());
        feeds.save(feed);
    }

    /** Waits for a chunk's acknowledgements, marks it done, and shows the feed's progress; chunks in row order. */
    private void complete(Feed feed, Pending pending, FeedTally tally) {
        FeedChunk chunk = pending.chunk();
        if (pending.outcome() != null) {
            pending.sent().await();
            chunk.done(pending.outcome(), clock.instant());
            markDone(chunk);
            rows.apply("changed").increment(chunk.changed());
            rows.apply("unchanged").increment(chunk.unchanged());
            rows.apply("rejected").increment(chunk.rejected());
        }
        tally.add(chunk);
        if (!queue.progress(feed, tally)) {
            throw new LeaseLost(feed.id());
        }
    }

    /** By id alone, and without the rows: the embedded Mongo-wire server scans the collection for any other filter. */
    private void markDone(FeedChunk chunk) {
        var update = new Update()
                .set(FeedChunk.DONE, true)
                .set(FeedChunk.CHANGED, chunk.changed())
                .set(FeedChunk.UNCHANGED, chunk.unchanged())
                .set(FeedChunk.REJECTED, chunk.rejected())
                .set(FeedChunk.ERRORS, mongo.getConverter().convertToMongoType(chunk.errors()))
                .set(FeedChunk.PROCESSED_AT, chunk.processedAt());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(chunk.id())), update, FeedChunk.class);
    }

    /** A chunk applied (or found done: {@code outcome} null) whose events may still be on their way. */
    private record Pending(FeedChunk chunk, ChunkOutcome outcome, ChangePublisher.Sent sent) {}

    /** Another worker took the feed over after this one's lease lapsed; it finishes the feed. */
    static class LeaseLost extends RuntimeException {
        LeaseLost(String feedId) {
            super("lease on feed " + feedId + " lapsed and was taken over");
        }
    }
}
