package fi.hyte.report.publication.web;

import fi.hyte.report.publication.Publication;
import fi.hyte.report.publication.Publications;
import fi.hyte.report.report.format.Edition;
import fi.hyte.report.report.format.Format;
import fi.hyte.report.report.format.Language;
import fi.hyte.report.report.format.Rendered;
import fi.hyte.report.report.format.ReportRenderer;
import fi.hyte.report.report.web.Responses;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Publishing a year's report, listing its published versions, and serving each in every format. */
@RestController
@Validated
class PublicationController {

    record PublicationView(
            String region,
            int year,
            int version,
            Instant publishedAt,
            String publishedBy,
            String contentHash,
            String location) {

        static PublicationView of(Publication p) {
            return new PublicationView(
                    p.region(), p.year(), p.number(), p.publishedAt(), p.publishedBy(), p.contentHash(), p.location());
        }
    }

    private final Publications publications;
    private final ReportRenderer renderer;

    PublicationController(Publications publications, ReportRenderer renderer) {
        this.publications = publications;
        this.renderer = renderer;
    }

    @PostMapping("/api/reports/{region}/{year}/publications")
    @PreAuthorize("hasRole('COORDINATOR')")
    ResponseEntity<PublicationView> publish(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code") String region,
            @PathVariable @Min(2000) @Max(2100) int year,
            Caller caller) {
        if (!caller.actsFor(region)) {
            throw Problem.forbidden("only a coordinator of %s publishes its report".formatted(region));
        }
        var publication = publications.publish(region, year);
        return ResponseEntity.created(URI.create(publication.location())).body(PublicationView.of(publication));
    }

    @GetMapping("/api/reports/{region}/{year}/publications")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    List<PublicationView> list(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code") String region,
            @PathVariable @Min(2000) @Max(2100) int year) {
        return publications.list(region, year).stream().map(PublicationView::of).toList();
    }

    @GetMapping("/api/reports/{region}/{year}/publications/{version}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    ResponseEntity<byte[]> read(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code") String region,
            @PathVariable @Min(2000) @Max(2100) int year,
            @PathVariable @Min(1) @Max(100_000) int version,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Format chosen = Format.negotiate(format, accept);
        var locale = Language.of(acceptLanguage);
        var publication = publications
                .find(region, year, version)
                .orElseThrow(() -> Problem.notFound("publication", region + "/" + year + "/" + version));
        Rendered rendered;
        if (chosen == Format.JSON) {
            // exactly the bytes that were hashed, so that anyone can check the content hash
            rendered = new Rendered(
                    publication.report().getBytes(StandardCharsets.UTF_8),
                    MediaType.APPLICATION_JSON,
                    "hyvinvointikertomus-%s-%d-v%d.json".formatted(region, year, version));
        } else {
            var edition = new Edition(
                    publication.number(),
                    publication.publishedAt(),
                    publication.publishedBy(),
                    publication.contentHash());
            rendered = renderer.render(publications.content(publication), chosen, locale, edition);
        }
        var response = Responses.of(rendered, chosen, locale);
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .eTag("\"" + publication.contentHash() + "\"")
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .body(response.getBody());
    }
}
