package fi.hyte.indicator.value.web;

import fi.hyte.indicator.value.IndicatorValue;
import java.time.Instant;
import java.util.List;

/** Response bodies of the value API, and the one place that maps values to them. */
final class ValueViews {

    private ValueViews() {}

    /** An indicator's values in one region and gender, by year. */
    record SeriesView(int indicator, String region, String gender, List<PointView> values) {}

    /**
     * @param feedId the feed that brought the value
     * @param updatedAt when the value was last changed
     */
    record PointView(int year, double value, Double absValue, String feedId, Instant updatedAt) {}

    static SeriesView of(int indicator, String region, String gender, List<IndicatorValue> values) {
        return new SeriesView(
                indicator,
                region,
                gender,
                values.stream()
                        .map(v -> new PointView(v.year(), v.value(), v.absValue(), v.feedId(), v.updatedAt()))
                        .toList());
    }
}
