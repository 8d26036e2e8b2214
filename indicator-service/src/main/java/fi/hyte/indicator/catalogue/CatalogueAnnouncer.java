package fi.hyte.indicator.catalogue;

import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.region.Regions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Compares the catalogue with what was last announced, at start and then every
 * {@code hyte.catalogue.check-interval}, and announces it through {@link IndicatorCatalogue}'s outbox when
 * it is due. Several instances may check at once: the one whose write loses (a duplicate first insert, or a
 * stale version) simply leaves the announcement to the other.
 */
@Component
class CatalogueAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogueAnnouncer.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(15);

    private final IndicatorCatalogues catalogues;
    private final CatalogueContent content;
    private final CatalogueProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService checker;

    CatalogueAnnouncer(
            IndicatorCatalogues catalogues,
            Indicators indicators,
            Regions regions,
            CatalogueProperties properties,
            Clock clock) {
        this.catalogues = catalogues;
        this.content = CatalogueContent.of(indicators, regions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Announces the catalogue if it is due; returns whether this call announced it. */
    boolean announceIfDue() {
        try {
            var announced = catalogues.findById(IndicatorCatalogue.ID);
            if (announced.isEmpty()) {
                catalogues.save(IndicatorCatalogue.announce(content, clock.instant()));
            } else if (announced.get().announceIfDue(content, clock.instant(), properties.republishAfter())) {
                catalogues.save(announced.get());
            } else {
                return false;
            }
            log.info(
                    "Indicator catalogue {} announced: {} indicators, {} counties with known municipalities",
                    content.contentHash(),
                    content.indicators().size(),
                    content.counties().size());
            return true;
        } catch (DuplicateKeyException | OptimisticLockingFailureException anotherInstance) {
            log.debug("another instance announced the catalogue meanwhile");
            return false;
        }
    }

    /** Checks, then schedules the next check: sooner after a failure (MongoDB not reachable yet, say). */
    private void check() {
        Duration next = properties.checkInterval();
        try {
            announceIfDue();
        } catch (RuntimeException e) {
            next = next.compareTo(RETRY_AFTER_FAILURE) < 0 ? next : RETRY_AFTER_FAILURE;
            log.warn("Checking the catalogue announcement failed, trying again in {}: {}", next, e.toString());
        }
        ScheduledExecutorService current = checker;
        try {
            if (current != null && !current.isShutdown()) {
                current.schedule(this::check, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException stopping) {
            // the service is stopping
        }
    }

    @Override
    public void start() {
        checker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("catalogue-check").daemon().factory());
        checker.execute(this::check);
    }

    @Override
    public void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }

    @Override
    public int getPhase() {
        // like the feed worker: after the Mongo client, stopped before the outbox relay
        return Integer.MAX_VALUE - 50;
    }
}
