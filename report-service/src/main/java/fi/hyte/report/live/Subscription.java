package fi.hyte.report.live;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connected client: the regions it wants (null: all), and a bounded queue of live events the tailer
 * offers and the client's sender takes. A full queue marks the client as too slow.
 */
final class Subscription {

    private final String region;
    private final long liveFrom;
    private final BlockingQueue<LoggedEvent> queue;
    private volatile boolean overflowed;
    private volatile boolean closed;

    /** Put in a queue to wake its sender when the stream shuts down. */
    static final LoggedEvent CLOSED = new LoggedEvent("", -1, "", null, null, "");

    Subscription(String region, long liveFrom, int capacity) {
        this.region = region;
        this.liveFrom = liveFrom;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    String region() {
        return region;
    }

    /** The last event the tailer had dispatched when this client subscribed: later ones come through the queue. */
    long liveFrom() {
        return liveFrom;
    }

    boolean wants(LoggedEvent event, CountyMembers members) {
        if (region == null) {
            return true;
        }
        return event.region() != null && members.regionsOf(region).contains(event.region());
    }

    void offer(LoggedEvent event) {
        if (!queue.offer(event)) {
            overflowed = true;
        }
    }

    /** Whether the sender should end the connection: the client fell behind, or the service stops. */
    boolean ended() {
        return overflowed || closed;
    }

    boolean overflowed() {
        return overflowed;
    }

    void close() {
        closed = true;
        queue.offer(CLOSED);
    }

    LoggedEvent poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    Set<String> regions(CountyMembers members) {
        return region == null ? null : members.regionsOf(region);
    }
}
