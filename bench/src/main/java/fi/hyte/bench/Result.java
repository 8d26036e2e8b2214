package fi.hyte.bench;

import java.util.Locale;

/**
 * One measured goal: Hyte's figure against the raw baseline measured in the same run, as a ratio, and whether the
 * goal holds.
 *
 * @param goal the goal's name, e.g. {@code G1 ingest}
 * @param measure what the figures are, with their unit
 * @param hyte Hyte's figure
 * @param baseline the raw baseline's figure, or NaN when the goal is absolute
 * @param ratio the ratio the goal is stated in (higher is better for throughput, lower for latency)
 * @param target the goal, as text
 * @param met whether the goal holds
 * @param detail anything else measured on the way (peaks, counts)
 */
public record Result(
        String goal,
        String measure,
        double hyte,
        double baseline,
        double ratio,
        String target,
        boolean met,
        String detail) {

    public String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s |",
                goal,
                measure,
                figure(hyte),
                figure(baseline),
                Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                target,
                met ? "met" : "**missed**",
                detail);
    }

    public static String header() {
        return "| goal | measure | Hyte | raw baseline | ratio | target | result | detail |\n"
                + "|---|---|---|---|---|---|---|---|";
    }

    private static String figure(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
