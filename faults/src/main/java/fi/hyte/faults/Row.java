package fi.hyte.faults;

import java.time.Duration;
import java.util.List;

/** One line of the table: a fault's repetition and what the oracle found after it. */
record Row(
        int fault,
        String name,
        int repetition,
        Duration injected,
        Duration recovery,
        String storesIdentical,
        int lost,
        int duplicates,
        String deadLetters,
        List<String> violations,
        fi.hyte.faults.oracle.Snapshot after) {

    boolean passed() {
        return violations.isEmpty();
    }

    static String header() {
        return "| # | fault | rep | fault lasted | recovery | stores = fault-free | lost acked writes | duplicate effects"
                + " | dead letters (poison / expected) | result |\n|---|---|---|---|---|---|---|---|---|---|";
    }

    String line() {
        return "| %d | %s | %d | %s | %s | %s | %d | %d | %s | %s |"
                .formatted(
                        fault,
                        name,
                        repetition,
                        seconds(injected),
                        seconds(recovery),
                        storesIdentical,
                        lost,
                        duplicates,
                        deadLetters,
                        passed() ? "pass" : "FAIL");
    }

    static String seconds(Duration d) {
        return d == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
