package fi.hyte.report.projection;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The values of one indicator in one region (id {@code <indicator>:<region>}), from {@code indicator.updated}:
 * {@code points} maps {@code <gender>_<year>} (e.g. {@code total_2025}) to the values that point has had, each
 * under the version of the value's own aggregate ({@code {"1": 12.5, "3": 11.9}}); the highest version is the
 * point's value. Writing {@code points.<point>.<version>} is the same whatever came before, so an event is
 * applied by an update on the id alone: redelivered, replayed or out of order, the document ends the same. One
 * document per series rather than per value keeps a report to one read of a few hundred documents.
 */
@Document("series")
public record SeriesModel(@Id String id, int indicator, String region, Map<String, Map<String, Double>> points) {

    public static final String COLLECTION = "series";

    public static String id(int indicator, String region) {
        return indicator + ":" + region;
    }

    public static String key(String gender, int year) {
        return gender + "_" + year;
    }

    /** A point's value: the one under the highest version, or null for an empty point. */
    public static Double latest(Map<String, ?> versions) {
        long highest = Long.MIN_VALUE;
        Double value = null;
        for (var entry : versions.entrySet()) {
            long version = Long.parseLong(entry.getKey());
            if (version > highest && entry.getValue() instanceof Number number) {
                highest = version;
                value = number.doubleValue();
            }
        }
        return value;
    }
}
