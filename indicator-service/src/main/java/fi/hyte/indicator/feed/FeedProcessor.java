package fi.hyte.indicator.feed;

import fi.hyte.support.event.EventContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Processes a claimed feed chunk by chunk, in row order: each chunk's rows are checked and their values
 * written in one batch ({@link RowApplier}), then the chunk is saved {@code DONE} with its counts and the
 * events of its changes, and the feed shows the progress. Once every chunk is done the feed ends with the
 * counts. Every event it causes carries the submitter as actor and the submitting request's correlation id.
 *
 * <p>A crash at any point is harmless: a chunk already done is not applied again (its counts are read back,
 * and its valid rows' keys remembered for the duplicate check); a chunk whose values were written but which
 * was not saved done is applied again, and its values, finding their revision from this feed row, give the
 * same events as the first time; a feed whose chunks are all done but which did not end is ended by the
 * next worker.
 */
@Component
class FeedProcessor {

    private final Feeds feeds;
    private final FeedChunks chunks;
    private final FeedQueue queue;
    private final RowApplier applier;
    private final FeedProperties properties;
    private final Clock clock;
    private final Function<String, Counter> rows;

    FeedProcessor(
            Feeds feeds,
            FeedChunks chunks,
            FeedQueue queue,
            RowApplier applier,
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
        this.properties = properties;
        this.clock = clock;
    }

    void process(Feed feed) {
        EventContext.runAs(feed.submittedBy(), feed.correlationId(), () -> run(feed));
    }

    private void run(Feed feed) {
        var tally = new FeedTally(properties.maxErrors());
        var seen = new KeySet();
        for (int seq = 0; seq < feed.chunks(); seq++) {
            FeedChunk chunk = chunks.findById(FeedChunk.id(feed.id(), seq))
                    .orElseThrow(() -> new IllegalStateException("feed %s lacks a chunk".formatted(feed.id())));
            if (chunk.isDone()) {
                applier.remember(chunk.rows(), seen);
            } else {
                ChunkOutcome outcome = applier.apply(feed.id(), chunk.rows(), seen);
                chunk.done(outcome, clock.instant());
                chunks.save(chunk);
                rows.apply("changed").increment(chunk.changed());
                rows.apply("unchanged").increment(chunk.unchanged());
                rows.apply("rejected").increment(chunk.rejected());
            }
            tally.add(chunk);
            if (!queue.progress(feed, tally)) {
                throw new LeaseLost(feed.id());
            }
        }
        feed.finish(tally, clock.instant());
        feeds.save(feed);
    }

    /** Another worker took the feed over after this one's lease lapsed; it finishes the feed. */
    static class LeaseLost extends RuntimeException {
        LeaseLost(String feedId) {
            super("lease on feed " + feedId + " lapsed and was taken over");
        }
    }
}
