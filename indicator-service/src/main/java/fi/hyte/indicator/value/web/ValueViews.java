package fi.hyte.indicator.value.web;

import fi.hyte.indicator.Localized;
import fi.hyte.indicator.region.Region;
import fi.hyte.indicator.value.IndicatorValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

    /**
     * A region's series beside those of its members, aligned by year.
     *
     * @param region the region whose members are compared (e.g. a county)
     * @param genders the genders shown, each region has one series per gender
     * @param years every year in which any of the series has a value, ascending
     * @param series the region's own series first, then its members' by code; {@code values[i]} is the value
     *     of {@code years[i]}, {@code null} where the series has none
     */
    record SideBySideView(
            int indicator, String region, List<String> genders, List<Integer> years, List<RegionSeriesView> series) {}

    /** @param member {@code false} for the compared region itself, {@code true} for its members */
    record RegionSeriesView(
            String region, Localized name, String category, boolean member, String gender, List<Double> values) {}

    static SeriesView of(int indicator, String region, String gender, List<IndicatorValue> values) {
        return new SeriesView(
                indicator,
                region,
                gender,
                values.stream()
                        .map(v -> new PointView(v.year(), v.value(), v.absValue(), v.feedId(), v.updatedAt()))
                        .toList());
    }

    /**
     * Lines the values up by year: one series per region (the region first, then {@code members} in their
     * order) and gender (in {@code genders}' order), each as long as {@code years}.
     */
    static SideBySideView sideBySide(
            int indicator, Region region, List<Region> members, List<String> genders, List<IndicatorValue> values) {
        var years = new TreeSet<Integer>();
        Map<String, Map<Integer, Double>> byRegionAndGender = new HashMap<>();
        for (IndicatorValue value : values) {
            years.add(value.year());
            byRegionAndGender
                    .computeIfAbsent(value.region() + "|" + value.gender(), key -> new HashMap<>())
                    .put(value.year(), value.value());
        }
        List<Integer> columns = List.copyOf(years);
        List<RegionSeriesView> series = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        regions.add(region);
        regions.addAll(members);
        for (Region each : regions) {
            for (String gender : genders) {
                Map<Integer, Double> byYear = byRegionAndGender.getOrDefault(each.code() + "|" + gender, Map.of());
                Double[] aligned = new Double[columns.size()];
                for (int i = 0; i < aligned.length; i++) {
                    aligned[i] = byYear.get(columns.get(i));
                }
                series.add(new RegionSeriesView(
                        each.code(),
                        each.name(),
                        each.category(),
                        each != region,
                        gender,
                        Collections.unmodifiableList(Arrays.asList(aligned))));
            }
        }
        return new SideBySideView(indicator, region.code(), genders, columns, series);
    }
}
