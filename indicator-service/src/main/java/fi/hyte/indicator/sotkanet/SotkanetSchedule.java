package fi.hyte.indicator.sotkanet;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the connector's poll rounds every {@code hyte.sotkanet.interval} after {@code initial-delay}, when
 * {@code hyte.sotkanet.enabled} is set. Every instance may run rounds: the per-indicator claims keep two
 * instances from polling one indicator at once, and what was fetched is shared in MongoDB.
 */
@Component
class SotkanetSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SotkanetSchedule.class);

    private final SotkanetConnector connector;
    private final SotkanetProperties properties;
    private volatile ScheduledExecutorService rounds;

    SotkanetSchedule(SotkanetConnector connector, SotkanetProperties properties) {
        this.connector = connector;
        this.properties = properties;
    }

    @Override
    public void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sotkanet-poll").daemon().factory());
        rounds.scheduleWithFixedDelay(
                this::round,
                properties.initialDelay().toMillis(),
                properties.interval().toMillis(),
                TimeUnit.MILLISECONDS);
        log.info(
                "Sotkanet connector polls {} every {} (first round in {}), as '{}'",
                properties.baseUrl(),
                properties.interval(),
                properties.initialDelay(),
                properties.userAgent());
    }

    private void round() {
        try {
            connector.pollRound();
        } catch (RuntimeException e) {
            // pollRound does not throw; this keeps the schedule alive should that ever change
            log.warn("Sotkanet poll round failed: {}", e.toString());
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
            rounds = null;
        }
    }

    @Override
    public boolean isRunning() {
        return rounds != null;
    }

    @Override
    public int getPhase() {
        // like the feed worker: after the Mongo client, stopped before the outbox relay
        return Integer.MAX_VALUE - 50;
    }
}
