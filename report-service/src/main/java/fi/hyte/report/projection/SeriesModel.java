package fi.hyte.report.projection;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The values of one indicator in one region (id {@code <indicator>:<region>}), from {@code indicator.updated}:
 * {@code points} maps {@code <gender>_<year>} (e.g. {@code total_2025}) to the value and the version of the
 * value's own aggregate, so that each point is still written only by a newer event. One document per
 * series rather than per value keeps a report to one read of a few hundred documents.
 */
@Document("series")
public record SeriesModel(@Id String id, int indicator, String region, Map<String, Point> points) {

    public static final String COLLECTION = "series";

    /** A value and the version of the event that set it. */
    public record Point(double v, long n) {}

    public static String id(int indicator, String region) {
        return indicator + ":" + region;
    }

    public static String key(String gender, int year) {
        return gender + "_" + year;
    }
}
