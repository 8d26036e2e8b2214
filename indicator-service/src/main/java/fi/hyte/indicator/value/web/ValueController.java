package fi.hyte.indicator.value.web;

import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.region.Region;
import fi.hyte.indicator.region.Regions;
import fi.hyte.support.web.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Indicator series; every role reads them. A region is named by its code in the region catalogue
 * ({@code 092}, {@code HVA-4}). Refusals name the parameter: an unknown indicator ({@code id}) or region is
 * 404, a missing region or a malformed gender or year 400, a range whose {@code from} is after its {@code to}
 * 422.
 */
@RestController
@Validated
@RequestMapping("/api/indicators/{id}/values")
@PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'INTEGRATOR', 'VIEWER')")
class ValueController {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;
    private static final List<String> ALL_GENDERS = List.of("total", "male", "female");

    private final ValueQueries queries;
    private final Indicators indicators;
    private final Regions regions;

    ValueController(ValueQueries queries, Indicators indicators, Regions regions) {
        this.queries = queries;
        this.indicators = indicators;
        this.regions = regions;
    }

    /** The indicator's values in a region and gender (default {@code total}), by year. */
    @GetMapping
    ValueViews.SeriesView series(
            @PathVariable int id,
            @RequestParam(required = false) @Size(max = 40) String region,
            @RequestParam(defaultValue = "total")
                    @Pattern(regexp = "male|female|total", message = "must be male, female or total")
                    String gender,
            @RequestParam(required = false) @Min(FIRST_YEAR) @Max(LAST_YEAR) Integer from,
            @RequestParam(required = false) @Min(FIRST_YEAR) @Max(LAST_YEAR) Integer to) {
        requireIndicator(id);
        Region found = region(region, "region");
        Years years = Years.of(from, to);
        return ValueViews.of(
                id,
                found.code(),
                gender,
                queries.values(id, List.of(found.code()), List.of(gender), years.from, years.to));
    }

    /**
     * A region's series beside those of its members, aligned by year: a wellbeing services county and its
     * municipalities (Vantaa-Kerava {@code HVA-4}: Vantaa {@code 092}, Kerava {@code 245}), or a hospital
     * district or the country and theirs. {@code gender=all} shows total, male and female.
     */
    @GetMapping("/by-member")
    ValueViews.SideBySideView byMember(
            @PathVariable int id,
            @RequestParam(required = false) @Size(max = 40) String region,
            @RequestParam(defaultValue = "total")
                    @Pattern(regexp = "male|female|total|all", message = "must be male, female, total or all")
                    String gender,
            @RequestParam(required = false) @Min(FIRST_YEAR) @Max(LAST_YEAR) Integer from,
            @RequestParam(required = false) @Min(FIRST_YEAR) @Max(LAST_YEAR) Integer to) {
        requireIndicator(id);
        Region found = region(region, "region");
        List<Region> members = regions.members(found.code());
        if (members.isEmpty()) {
            throw Problem.invalid(
                    "region", "%s (%s) has no member regions to compare".formatted(found.code(), found.category()));
        }
        Years years = Years.of(from, to);
        List<String> genders = gender.equals("all") ? ALL_GENDERS : List.of(gender);
        List<String> codes = new ArrayList<>();
        codes.add(found.code());
        members.forEach(member -> codes.add(member.code()));
        return ValueViews.sideBySide(
                id, found, members, genders, queries.values(id, codes, genders, years.from, years.to));
    }

    private void requireIndicator(int id) {
        if (!indicators.exists(id)) {
            throw new Problem(HttpStatus.NOT_FOUND, "Not found", "No indicator with id %d".formatted(id), "id");
        }
    }

    private Region region(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new Problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "%s: a region code is required, e.g. 092 or HVA-4".formatted(field),
                    field);
        }
        return regions.find(code)
                .orElseThrow(() -> new Problem(
                        HttpStatus.NOT_FOUND,
                        "Not found",
                        "'%s' is not a region code of the catalogue (see /api/regions)".formatted(code),
                        field));
    }

    /** An inclusive range of years; either end may be open. */
    private record Years(int from, int to) {

        static Years of(Integer from, Integer to) {
            var years = new Years(from == null ? FIRST_YEAR : from, to == null ? LAST_YEAR : to);
            if (years.from > years.to) {
                throw Problem.invalid("from", "from %d is after to %d".formatted(years.from, years.to));
            }
            return years;
        }
    }
}
