package fi.hyte.report.report.web;

import fi.hyte.report.report.Reports;
import fi.hyte.report.report.format.Format;
import fi.hyte.report.report.format.Language;
import fi.hyte.report.report.format.Rendered;
import fi.hyte.report.report.format.ReportRenderer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live annual welfare report, in the format {@code ?format=} or {@code Accept} asks for and the language
 * {@code Accept-Language} prefers (Finnish, Swedish or English; Finnish by default).
 */
@RestController
@Validated
class ReportController {

    private final Reports reports;
    private final ReportRenderer renderer;

    ReportController(Reports reports, ReportRenderer renderer) {
        this.reports = reports;
        this.renderer = renderer;
    }

    @GetMapping("/api/reports/{region}/{year}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    org.springframework.http.ResponseEntity<byte[]> annual(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code") String region,
            @PathVariable @Min(2000) @Max(2100) int year,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Format chosen = Format.negotiate(format, accept);
        var locale = Language.of(acceptLanguage);
        var rendered = chosen == Format.JSON
                ? new Rendered(
                        reports.annualJson(region, year),
                        MediaType.APPLICATION_JSON,
                        "hyvinvointikertomus-%s-%d.json".formatted(region, year))
                : renderer.render(reports.annual(region, year), chosen, locale, null);
        return Responses.of(rendered, chosen, locale);
    }
}
