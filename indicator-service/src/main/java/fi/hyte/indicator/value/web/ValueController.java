package fi.hyte.indicator.value.web;

import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.region.Regions;
import fi.hyte.indicator.value.IndicatorValues;
import fi.hyte.support.web.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Indicator series; every role reads them. */
@RestController
@Validated
@PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'INTEGRATOR', 'VIEWER')")
class ValueController {

    private final IndicatorValues values;
    private final Indicators indicators;
    private final Regions regions;

    ValueController(IndicatorValues values, Indicators indicators, Regions regions) {
        this.values = values;
        this.indicators = indicators;
        this.regions = regions;
    }

    /** The indicator's values in a region (by code) and gender (default {@code total}), by year. */
    @GetMapping("/api/indicators/{id}/values")
    ValueViews.SeriesView series(
            @PathVariable int id,
            @RequestParam @NotBlank @Size(max = 40) String region,
            @RequestParam(defaultValue = "total")
                    @Pattern(regexp = "male|female|total", message = "must be male, female or total")
                    String gender,
            @RequestParam(required = false) @Min(1900) @Max(2200) Integer from,
            @RequestParam(required = false) @Min(1900) @Max(2200) Integer to) {
        if (!indicators.exists(id)) {
            throw Problem.notFound("indicator", id);
        }
        if (regions.find(region).isEmpty()) {
            throw Problem.invalid("region", "'%s' is not a region code of the catalogue".formatted(region));
        }
        int first = from == null ? 1900 : from;
        int last = to == null ? 2200 : to;
        if (first > last) {
            throw Problem.invalid("from", "from %d is after to %d".formatted(first, last));
        }
        return ValueViews.of(id, region, gender, values.findSeries(id, region, gender, first, last));
    }
}
