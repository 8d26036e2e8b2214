package fi.hyte.report.report.web;

import fi.hyte.report.report.Reports;
import fi.hyte.report.report.WelfareReport;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The annual welfare report. JSON for now; HTML, PDF and CSV renderings come with the report issue. */
@RestController
@Validated
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/reports/{region}/{year}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    WelfareReport annual(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code") String region,
            @PathVariable @Min(2000) @Max(2100) int year) {
        return reports.annual(region, year);
    }
}
