package fi.hyte.indicator.feed;

import fi.hyte.support.event.EventContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Takes feeds in: reads the body, stores the feed with its {@code feed.accepted} event, and queues it. */
@Service
public class FeedIntake {

    private final FeedParser parser;
    private final Feeds feeds;
    private final FeedWorker worker;
    private final Clock clock;

    FeedIntake(FeedParser parser, Feeds feeds, FeedWorker worker, Clock clock) {
        this.parser = parser;
        this.feeds = feeds;
        this.worker = worker;
        this.clock = clock;
    }

    /** A JSON array of Sotkanet-shaped rows, sent by {@code submitter}. */
    public Feed json(InputStream body, String submitter) {
        return receive(FeedFormat.JSON, parser.json(body), submitter);
    }

    /** Sotkanet's CSV, sent by {@code submitter}. */
    public Feed csv(InputStream body, String submitter) {
        return receive(FeedFormat.CSV, parser.csv(body), submitter);
    }

    private Feed receive(FeedFormat format, List<FeedRow> rows, String submitter) {
        Feed feed = feeds.save(Feed.receive(format, rows, submitter, EventContext.correlationId(), clock.instant()));
        worker.submit(feed.id());
        return feed;
    }
}
