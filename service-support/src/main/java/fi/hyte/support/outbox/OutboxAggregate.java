package fi.hyte.support.outbox;

import fi.hyte.support.event.DomainEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

/**
 * Base of every aggregate that publishes events. Events raised by a state transition are written into the
 * aggregate's own document in the same save (one document is atomic on every MongoDB, including the
 * embedded Mongo-wire server that has no transactions), and {@link OutboxRelay} publishes them afterwards.
 * A state change and its events therefore commit together or not at all.
 */
public abstract class OutboxAggregate {

    /** Optimistic lock: a save based on a stale read fails instead of overwriting. */
    @Version
    private Long version;

    /** Number of events this aggregate has raised; each event carries its number as aggregate version. */
    private long revision;

    private List<PendingEvent> outbox = new ArrayList<>();

    @Transient
    private final List<Raised> raised = new ArrayList<>();

    /** The id used as aggregate id and Kafka key. */
    public abstract String aggregateId();

    /** The region the aggregate belongs to, carried in every envelope. */
    public abstract String region();

    protected void raise(DomainEvent event) {
        raised.add(new Raised(event, null));
    }

    /**
     * Keeps an event of another aggregate in this document's outbox: for a unit of work (such as a chunk of a
     * feed) that changes many aggregates with one conditional bulk write and then records all their events in
     * one atomic save. The envelope carries {@code origin}'s aggregate id, version, region and event id
     * instead of this aggregate's; the Kafka key is that aggregate id.
     */
    protected void raiseFor(EventOrigin origin, DomainEvent event) {
        raised.add(new Raised(event, java.util.Objects.requireNonNull(origin)));
    }

    public long revision() {
        return revision;
    }

    public Long lockVersion() {
        return version;
    }

    /**
     * Events raised since the aggregate was loaded, not yet stamped into the outbox; public so that unit tests
     * of an aggregate can see what it raised without a save.
     */
    public List<DomainEvent> raised() {
        return raised.stream().map(Raised::event).toList();
    }

    List<Raised> raisedWithOrigins() {
        return Collections.unmodifiableList(raised);
    }

    void stamp(PendingEvent event) {
        outbox.add(event);
    }

    void keepPending(java.util.Set<String> stillPending) {
        outbox.removeIf(event -> !stillPending.contains(event.eventId()));
    }

    long nextRevision() {
        return ++revision;
    }

    void clearRaised() {
        raised.clear();
    }

    public List<PendingEvent> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }

    /** An event raised and not yet stamped; {@code origin} is null for the aggregate's own events. */
    record Raised(DomainEvent event, EventOrigin origin) {}
}
