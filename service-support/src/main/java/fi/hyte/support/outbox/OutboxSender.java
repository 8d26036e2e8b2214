package fi.hyte.support.outbox;

import java.util.concurrent.CompletableFuture;

/**
 * Hands an event to the broker without waiting: the future completes when the broker has acknowledged it
 * (with {@code acks=all}), or fails. {@link OutboxRelay} sends a batch, waits for every future, and only then
 * removes the acknowledged events from their documents.
 */
public interface OutboxSender {

    CompletableFuture<Void> send(PendingEvent event);
}
