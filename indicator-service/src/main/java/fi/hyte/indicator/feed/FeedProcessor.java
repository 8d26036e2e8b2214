package fi.hyte.indicator.feed;

import fi.hyte.indicator.value.ValueRecorder;
import fi.hyte.support.event.EventContext;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Processes a claimed feed: checks each row, records the valid ones as values, and ends the feed with the
 * counts. Every event it causes carries the submitter as actor and the submitting request's correlation id.
 * Processing a feed again (after a crash) is harmless: the values remember which feed row they came from.
 */
@Component
class FeedProcessor {

    private final Feeds feeds;
    private final FeedQueue queue;
    private final RowValidator validator;
    private final ValueRecorder recorder;
    private final FeedProperties properties;
    private final Clock clock;

    FeedProcessor(
            Feeds feeds,
            FeedQueue queue,
            RowValidator validator,
            ValueRecorder recorder,
            FeedProperties properties,
            Clock clock) {
        this.feeds = feeds;
        this.queue = queue;
        this.validator = validator;
        this.recorder = recorder;
        this.properties = properties;
        this.clock = clock;
    }

    void process(Feed feed) {
        EventContext.runAs(feed.submittedBy(), feed.correlationId(), () -> run(feed));
    }

    private void run(Feed feed) {
        var tally = new FeedTally(properties.maxErrors());
        Instant renewAt = renewalAfter(clock.instant());
        for (FeedRow row : feed.rows()) {
            switch (validator.check(row)) {
                case RowCheck.Valid valid ->
                    tally.count(recorder.record(valid.key(), valid.observation(), feed.id(), row.row()));
                case RowCheck.Rejected rejected -> tally.reject(row.row(), rejected.reason());
            }
            if (clock.instant().isAfter(renewAt)) {
                if (!queue.renew(feed)) {
                    throw new LeaseLost(feed.id());
                }
                renewAt = renewalAfter(clock.instant());
            }
        }
        feed.finish(tally, clock.instant());
        feeds.save(feed);
    }

    private Instant renewalAfter(Instant now) {
        return now.plus(properties.lease().dividedBy(3));
    }

    /** Another worker took the feed over after this one's lease lapsed; it finishes the feed. */
    static class LeaseLost extends RuntimeException {
        LeaseLost(String feedId) {
            super("lease on feed " + feedId + " lapsed and was taken over");
        }
    }
}
