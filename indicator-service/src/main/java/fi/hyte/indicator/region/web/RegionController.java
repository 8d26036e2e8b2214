package fi.hyte.indicator.region.web;

import fi.hyte.indicator.region.Regions;
import fi.hyte.support.web.Problem;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The region catalogue; every role reads it. */
@RestController
@Validated
@RequestMapping("/api/regions")
@PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'INTEGRATOR', 'VIEWER')")
class RegionController {

    private final Regions regions;

    RegionController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping
    List<RegionViews.RegionView> list(@RequestParam(required = false) @Size(max = 40) String category) {
        var found = category == null ? regions.all() : regions.inCategory(category);
        return found.stream().map(RegionViews::of).toList();
    }

    @GetMapping("/{code}")
    RegionViews.RegionView get(@PathVariable @Size(max = 40) String code) {
        return regions.find(code).map(RegionViews::of).orElseThrow(() -> Problem.notFound("region", code));
    }
}
