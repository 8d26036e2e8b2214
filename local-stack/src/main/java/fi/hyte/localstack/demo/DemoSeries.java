package fi.hyte.localstack.demo;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Synthetic but plausible yearly values for a demo measure, from three years before its baseline to 2025:
 * some measures move along their path to the target, some lag behind, some have reached it, so that the
 * report shows every assessment. Deterministic, so that every fresh start shows the same picture.
 */
final class DemoSeries {

    record Point(int year, double value) {}

    private DemoSeries() {}

    static List<Point> of(JsonNode measure, int index) {
        int baseYear = measure.at("/baseline/year").asInt();
        double base = measure.at("/baseline/value").asDouble();
        int targetYear = measure.at("/target/year").asInt();
        double target = measure.at("/target/value").asDouble();
        double perYear = (target - base) / Math.max(1, targetYear - baseYear);
        // 0: on track (a little ahead of the path), 1: off track (drifting the wrong way), 2: reached early
        double pace = switch (index % 3) {
            case 0 -> 1.15;
            case 1 -> -0.4;
            default -> 3.0;
        };
        List<Point> series = new ArrayList<>();
        for (int year = baseYear - 3; year <= 2025; year++) {
            double trend = year <= baseYear ? perYear * 0.3 * (year - baseYear) : pace * perYear * (year - baseYear);
            double wobble = Math.sin(index * 7 + year) * Math.abs(perYear) * 0.2;
            double value = base + trend + wobble;
            if (index % 3 == 2 && year > baseYear) {
                value = perYear < 0
                        ? Math.max(target - Math.abs(perYear) * 0.5, value)
                        : Math.min(target + Math.abs(perYear) * 0.5, value);
            }
            series.add(new Point(year, Math.round(Math.max(0, value) * 10) / 10.0));
        }
        return series;
    }
}
