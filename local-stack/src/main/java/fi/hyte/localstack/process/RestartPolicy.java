package fi.hyte.localstack.process;

import java.time.Duration;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long to wait before restarting a child that exited: 1 s, 2 s, 4 s ... capped at 30 s, so a child that crashes
 * at once does not spin, and back to 1 s once it had been healthy for a minute, so that a rare crash of a
 * long-running child is not punished for crash loops long past.
 */
final class RestartPolicy {

    static final Duration INITIAL = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration STABLE_AFTER = Duration.ofMinutes(1);

    private final ExponentialBackOff backOff;
    private final Duration stableAfter;
    private BackOffExecution execution;

    RestartPolicy() {
        this(INITIAL, MAX, STABLE_AFTER);
    }

    RestartPolicy(Duration initial, Duration max, Duration stableAfter) {
        this.backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        this.backOff.setMaxInterval(max.toMillis());
        // Never give up: a developer would rather see the crash loop in the log than a dead service.
        this.backOff.setMaxElapsedTime(Long.MAX_VALUE);
        this.backOff.setMaxAttempts(Long.MAX_VALUE);
        this.stableAfter = stableAfter;
    }

    /**
     * The delay before the next restart.
     *
     * @param healthyFor how long the child had been healthy before it exited ({@link Duration#ZERO} if never)
     */
    synchronized Duration nextDelay(Duration healthyFor) {
        if (execution == null || healthyFor.compareTo(stableAfter) >= 0) {
            execution = backOff.start();
        }
        return Duration.ofMillis(execution.nextBackOff());
    }

    /** Forget past failures, for a start asked for by a person rather than by the supervisor. */
    synchronized void reset() {
        execution = null;
    }
}
