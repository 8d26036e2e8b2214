package fi.hyte.report.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tails the event log and hands each new event, in sequence order, to the clients that want it. Woken at
 * once when this instance appends, and every {@code poll-interval} for what other instances append. A client
 * subscribes under the same lock the tailer dispatches under, so it knows exactly from which number the live
 * queue takes over from its replay: nothing is lost and nothing comes twice.
 */
@Component
class EventStream implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(EventStream.class);

    private final EventLog log;
    private final CountyMembers members;
    private final LiveProperties properties;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Object dispatching = new Object();

    private volatile long delivered;
    private Instant holeSince;
    private Instant prunedAt = Instant.EPOCH;
    private volatile boolean running;
    private volatile Thread tailer;

    EventStream(EventLog log, CountyMembers members, LiveProperties properties, Clock clock, MeterRegistry meters) {
        this.log = log;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("hyte.live.clients", subscriptions, List::size)
                .description("Clients connected to the event stream")
                .register(meters);
    }

    Subscription subscribe(String region) {
        if (!running) {
            throw new IllegalStateException("the event stream is stopping");
        }
        synchronized (dispatching) {
            var subscription = new Subscription(region, delivered, properties.clientBuffer());
            subscriptions.add(subscription);
            return subscription;
        }
    }

    void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    /** Reads what is new in the log and dispatches it; public to the package so tests can drive it. */
    void drain() {
        while (true) {
            List<LoggedEvent> batch = log.after(delivered, Long.MAX_VALUE, null, properties.replayBatch());
            for (LoggedEvent event : batch) {
                if (event.seq() != delivered + 1 && !holeExpired()) {
                    return; // an append that took the missing number may still be writing it
                }
                holeSince = null;
                synchronized (dispatching) {
                    for (Subscription subscription : subscriptions) {
                        if (subscription.wants(event, members)) {
                            subscription.offer(event);
                        }
                    }
                    delivered = event.seq();
                }
            }
            if (batch.size() < properties.replayBatch()) {
                return;
            }
        }
    }

    private boolean holeExpired() {
        Instant now = clock.instant();
        if (holeSince == null) {
            holeSince = now;
        }
        return !now.isBefore(holeSince.plus(properties.gapWait()));
    }

    private void tail() {
        while (running) {
            try {
                log.awaitAppend(properties.pollInterval().toMillis());
                drain();
                if (clock.instant().isAfter(prunedAt.plus(properties.pruneInterval()))) {
                    prunedAt = clock.instant();
                    long pruned = log.prune();
                    if (pruned > 0) {
                        logger.info("pruned {} events older than {}", pruned, properties.retention());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                logger.warn("reading the event log failed, retrying: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(Math.max(properties.pollInterval().toMillis(), 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        delivered = log.latestSeq();
        running = true;
        tailer = Thread.ofPlatform().name("event-log-tailer").daemon().start(this::tail);
    }

    @Override
    public void stop() {
        running = false;
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        Thread current = tailer;
        if (current != null) {
            current.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
