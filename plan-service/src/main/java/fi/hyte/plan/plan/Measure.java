package fi.hyte.plan.plan;

import fi.hyte.support.web.Problem;

/**
 * How a goal is measured: an indicator of the catalogue (Sotkanet id) in a region and gender, from a
 * baseline towards a target in the given direction.
 */
public record Measure(int indicator, String region, String gender, Point baseline, Point target, Direction direction) {

    /** A value of the indicator in a year. */
    public record Point(int year, double value) {}

    Measure inRegionOr(String planRegion) {
        return region == null ? new Measure(indicator, planRegion, gender, baseline, target, direction) : this;
    }

    /** Refuses a measure whose target cannot be reached from its baseline in its direction. */
    void check(String field) {
        if (target.year() <= baseline.year()) {
            throw Problem.invalid(field + ".target.year", "target year must be after the baseline year");
        }
        boolean consistent =
                direction == Direction.DECREASE ? target.value() < baseline.value() : target.value() > baseline.value();
        if (!consistent) {
            throw Problem.invalid(
                    field + ".direction",
                    "direction %s does not lead from baseline %s to target %s"
                            .formatted(direction, baseline.value(), target.value()));
        }
    }
}
