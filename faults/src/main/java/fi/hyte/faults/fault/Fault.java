package fi.hyte.faults.fault;

import java.time.Duration;
import java.util.Map;

/**
 * One fault: {@link #inject} runs while the round's load is in flight and returns once the fault itself is over
 * (the broker is back, the process resumed, the server restarted); the harness then measures how long the system
 * takes to settle and checks the oracle.
 */
public interface Fault {

    /** The number in issue 9's list. */
    int number();

    String name();

    /** What it does, for the table and the README. */
    String description();

    /** Injects the fault and heals it. {@code repetition} counts from 1 (some faults vary their target by it). */
    void inject(FaultContext context, int repetition) throws Exception;

    /** The dead letters this injection must cause, per dead-letter topic (poison only). */
    default Map<String, Long> expectedDeadLetters() {
        return Map.of();
    }

    /** False for the faults this suite does not inject yet: the table lists them as not implemented. */
    default boolean implemented() {
        return true;
    }

    /** How long after the round's load has started the fault is injected. */
    default Duration delay() {
        return Duration.ofMillis(1500);
    }
}
