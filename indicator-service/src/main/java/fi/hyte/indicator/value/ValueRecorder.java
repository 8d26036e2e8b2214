package fi.hyte.indicator.value;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Upserts indicator values. Two feeds writing one key at the same time collide on the value's version (or,
 * for a new key, on its id); the loser reads the value again and retries, so neither write is lost and a
 * change is announced once.
 */
@Service
public class ValueRecorder {

    private static final Logger log = LoggerFactory.getLogger(ValueRecorder.class);
    private static final int ATTEMPTS = 8;

    private final IndicatorValues values;
    private final Clock clock;

    ValueRecorder(IndicatorValues values, Clock clock) {
        this.values = values;
        this.clock = clock;
    }

    /** Records what row {@code row} of feed {@code feedId} says of {@code key}. */
    public Outcome record(ValueKey key, Observation observation, String feedId, int row) {
        RuntimeException conflict = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            IndicatorValue value = values.findById(key.id()).orElseGet(() -> IndicatorValue.of(key));
            Outcome outcome = value.record(observation, feedId, row, clock.instant());
            if (outcome == Outcome.UNCHANGED) {
                return outcome;
            }
            try {
                values.save(value);
                return outcome;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                conflict = e;
                log.debug("Concurrent write of {}, attempt {}: {}", key.id(), attempt, e.toString());
                pause(attempt);
            }
        }
        throw conflict;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a value write", e);
        }
    }
}
