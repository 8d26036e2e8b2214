package fi.hyte.indicator.feed;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs feed processing off the request thread. A feed just stored is handed to a small pool at once; a
 * periodic sweep claims whatever else is waiting: feeds the pool had no room for, feeds stored by an
 * instance that stopped, and feeds whose worker died (their lease has lapsed). Claims are atomic, so every
 * instance may sweep. The sweep also removes uploads that broke off, with their chunks.
 */
@Component
class FeedWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedWorker.class);
    private static final int QUEUE_CAPACITY = 100;

    private final FeedQueue queue;
    private final FeedProcessor processor;
    private final Feeds feeds;
    private final FeedChunks chunks;
    private final FeedProperties properties;
    private final Clock clock;
    private volatile ThreadPoolExecutor workers;
    private volatile ScheduledExecutorService sweeper;
    private volatile boolean running;

    FeedWorker(
            FeedQueue queue,
            FeedProcessor processor,
            Feeds feeds,
            FeedChunks chunks,
            FeedProperties properties,
            Clock clock) {
        this.queue = queue;
        this.processor = processor;
        this.feeds = feeds;
        this.chunks = chunks;
        this.properties = properties;
        this.clock = clock;
    }

    /** Processes the feed soon; if the pool is full, the next sweep will. */
    void submit(String feedId) {
        ThreadPoolExecutor pool = workers;
        if (pool == null) {
            return;
        }
        try {
            pool.execute(() -> queue.claim(feedId).ifPresent(this::handle));
        } catch (RejectedExecutionException e) {
            log.info("Feed {} waits for the next sweep: the work queue is full", feedId);
        }
    }

    /** Removes uploads that broke off, then claims and processes waiting feeds one by one until none is left. */
    void sweep() {
        try {
            for (String abandoned : queue.abandonedUploads()) {
                // chunks first: a feed is never removed while chunks of it remain
                chunks.deleteByFeedId(abandoned);
                if (queue.removeAbandoned(abandoned)) {
                    log.info("Removed feed {}: its upload broke off", abandoned);
                }
            }
            Optional<Feed> next;
            while (running && (next = queue.claimNext()).isPresent()) {
                handle(next.get());
            }
        } catch (RuntimeException e) {
            log.warn("Feed sweep failed, trying again in {}: {}", properties.sweepInterval(), e.toString());
        }
    }

    private void handle(Feed feed) {
        try {
            if (feed.attempts() > properties.maxAttempts()) {
                feed.giveUp("processing failed %d times".formatted(properties.maxAttempts()), clock.instant());
                feeds.save(feed);
                log.error("Feed {} given up after {} attempts", feed.id(), properties.maxAttempts());
                return;
            }
            processor.process(feed);
        } catch (FeedProcessor.LeaseLost | OptimisticLockingFailureException e) {
            log.info("Feed {} was taken over by another worker: {}", feed.id(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Feed {} failed on attempt {}; it will be tried again", feed.id(), feed.attempts(), e);
            try {
                queue.release(feed);
            } catch (RuntimeException releaseFailure) {
                log.warn("Feed {} is retried when its lease lapses: {}", feed.id(), releaseFailure.toString());
            }
        }
    }

    @Override
    public void start() {
        workers = new ThreadPoolExecutor(
                properties.workers(),
                properties.workers(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                Thread.ofPlatform().name("feed-worker-", 1).daemon().factory());
        sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("feed-sweep").daemon().factory());
        running = true;
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, Math.min(interval, 1000), interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper == null) {
            return;
        }
        // feeds interrupted here stay PROCESSING and are taken up again once their lease lapses
        sweeper.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the outbox relay (MAX_VALUE - 100), the binder and the Mongo client
        return Integer.MAX_VALUE - 50;
    }
}
