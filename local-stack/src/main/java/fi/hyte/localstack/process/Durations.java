package fi.hyte.localstack.process;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Durations the way the console shows them: {@code 2 s}, {@code 3.1 s}. */
public final class Durations {

    private Durations() {}

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    public static String since(long startNanos) {
        return format(Duration.ofNanos(System.nanoTime() - startNanos).truncatedTo(ChronoUnit.MILLIS));
    }
}
