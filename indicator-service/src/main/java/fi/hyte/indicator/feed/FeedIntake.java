package fi.hyte.indicator.feed;

import fi.hyte.support.event.EventContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes feeds in: streams the body into chunks of {@code hyte.feeds.chunk-rows} rows as it is read, then marks
 * the feed received (with its {@code feed.accepted} event) and queues it. A body refused half-way (malformed,
 * too large, the connection lost) leaves nothing behind: its chunks and its invisible {@code RECEIVING} feed
 * are removed at once, or by the sweep if this instance dies meanwhile.
 */
@Service
public class FeedIntake {

    private static final Logger log = LoggerFactory.getLogger(FeedIntake.class);

    private final FeedParser parser;
    private final Feeds feeds;
    private final FeedChunks chunks;
    private final FeedQueue queue;
    private final FeedWorker worker;
    private final FeedProperties properties;
    private final Clock clock;

    FeedIntake(
            FeedParser parser,
            Feeds feeds,
            FeedChunks chunks,
            FeedQueue queue,
            FeedWorker worker,
            FeedProperties properties,
            Clock clock) {
        this.parser = parser;
        this.feeds = feeds;
        this.chunks = chunks;
        this.queue = queue;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
    }

    /** A JSON array of Sotkanet-shaped rows, sent by {@code submitter}; the stored feed, with its id. */
    public Feed json(InputStream body, String submitter) {
        return receive(FeedFormat.JSON, body, submitter);
    }

    /** Sotkanet's CSV, sent by {@code submitter}; the stored feed, with its id. */
    public Feed csv(InputStream body, String submitter) {
        return receive(FeedFormat.CSV, body, submitter);
    }

    private Feed receive(FeedFormat format, InputStream body, String submitter) {
        var now = clock.instant();
        Feed feed = feeds.save(
                Feed.receiving(format, submitter, EventContext.correlationId(), now, now.plus(properties.lease())));
        try {
            var writer = new ChunkWriter(feed.id());
            int rows = switch (format) {
                case JSON -> parser.json(body, writer::add);
                case CSV -> parser.csv(body, writer::add);
            };
            writer.flush();
            feed.received(rows, writer.written);
            feed = feeds.save(feed);
        } catch (RuntimeException e) {
            discard(feed.id());
            throw e;
        }
        worker.submit(feed.id());
        return feed;
    }

    private void discard(String feedId) {
        try {
            chunks.deleteByFeedId(feedId);
            feeds.deleteById(feedId);
        } catch (RuntimeException e) {
            log.warn("Feed {} refused; its chunks are removed by the sweep: {}", feedId, e.toString());
        }
    }

    /** Collects rows and stores them a chunk at a time, keeping the upload's lease alive. */
    private final class ChunkWriter {
        private final String feedId;
        private final List<FeedRow> buffer = new ArrayList<>(properties.chunkRows());
        private int written;

        ChunkWriter(String feedId) {
            this.feedId = feedId;
        }

        void add(FeedRow row) {
            buffer.add(row);
            if (buffer.size() >= properties.chunkRows()) {
                flush();
            }
        }

        void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            chunks.save(FeedChunk.of(feedId, written, buffer));
            written++;
            buffer.clear();
            queue.extendUpload(feedId);
        }
    }
}
