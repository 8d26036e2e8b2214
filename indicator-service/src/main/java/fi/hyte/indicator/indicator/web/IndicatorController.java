package fi.hyte.indicator.indicator.web;

import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.support.web.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicator catalogue; every role reads it. */
@RestController
@Validated
@RequestMapping("/api/indicators")
@PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'INTEGRATOR', 'VIEWER')")
class IndicatorController {

    private final Indicators indicators;

    IndicatorController(Indicators indicators) {
        this.indicators = indicators;
    }

    /** Indicators by id, a page at a time, optionally only those whose title contains {@code q}. */
    @GetMapping
    IndicatorViews.PageView<IndicatorViews.IndicatorView> list(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return IndicatorViews.of(indicators.search(q, PageRequest.of(page, size)));
    }

    @GetMapping("/{id}")
    IndicatorViews.IndicatorView get(@PathVariable int id) {
        return indicators.find(id).map(IndicatorViews::of).orElseThrow(() -> Problem.notFound("indicator", id));
    }
}
