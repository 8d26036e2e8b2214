package fi.hyte.report.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dashboard?region=&year=}: the live page. It is one self-contained document (styles, script and
 * SVG charts inline) because the browser fetches nothing else with the token: the page's script loads the
 * report and at-risk markers with {@code fetch} and an Authorization header, and follows
 * {@code /api/events} with EventSource.
 */
@RestController
class DashboardController {

    private final String page;

    DashboardController() throws IOException {
        this.page = new ClassPathResource("dashboard/index.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping(path = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    ResponseEntity<String> dashboard() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }
}
