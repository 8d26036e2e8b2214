package fi.hyte.report.report.web;

import fi.hyte.report.report.format.Format;
import fi.hyte.report.report.format.Rendered;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** How a rendered report goes out: its type, language, file name, and what the response varies by. */
public final class Responses {

    private Responses() {}

    public static ResponseEntity<byte[]> of(Rendered rendered, Format format, Locale locale) {
        boolean download = format == Format.CSV || format == Format.XLSX;
        return ResponseEntity.ok()
                .contentType(rendered.mediaType())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.VARY, "Accept, Accept-Language")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                                .filename(rendered.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(rendered.body());
    }
}
