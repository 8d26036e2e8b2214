package fi.hyte.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay publishes.
 *
 * @param binding the Spring Cloud Stream output binding events go to (its destination is the topic)
 * @param pollInterval how often the relay looks for pending events when nothing woke it
 * @param maxBackoff longest wait after failed passes (Kafka or MongoDB away)
 * @param batchSize documents read per collection and pass
 * @param maxBatchEvents events sent before the relay waits for their acknowledgements and removes them
 * @param ackTimeout how long the relay waits for an acknowledgement before it keeps the event for the next pass
 */
@ConfigurationProperties("hyte.outbox")
public record OutboxProperties(
        @DefaultValue("events-out-0") String binding,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("200") int batchSize,
        @DefaultValue("5000") int maxBatchEvents,
        @DefaultValue("30s") Duration ackTimeout) {}
