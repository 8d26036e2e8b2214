package fi.hyte.report.report.format;

import fi.hyte.support.web.Problem;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The renderings of a report, chosen by {@code ?format=} or else by {@code Accept}. */
public enum Format {
    JSON("json", MediaType.APPLICATION_JSON),
    HTML("html", MediaType.TEXT_HTML),
    PDF("pdf", MediaType.APPLICATION_PDF),
    CSV("csv", MediaType.parseMediaType("text/csv")),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String name;
    private final MediaType mediaType;

    Format(String name, MediaType mediaType) {
        this.name = name;
        this.mediaType = mediaType;
    }

    public String extension() {
        return name;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /**
     * {@code ?format=} wins; otherwise the most preferred acceptable type; JSON when nothing is asked for or
     * anything is accepted. Anything else is 406 naming the field.
     */
    public static Format negotiate(String format, String accept) {
        if (format != null) {
            for (Format candidate : values()) {
                if (candidate.name.equals(format.toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
            throw notAcceptable("format", "'%s' is not one of json, html, pdf, csv, xlsx".formatted(format));
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw notAcceptable("Accept", "'%s' is not a media type list".formatted(accept));
        }
        accepted = accepted.stream()
                .sorted(java.util.Comparator.comparingDouble(MediaType::getQualityValue)
                        .reversed()
                        .thenComparing(MediaType::isWildcardType)
                        .thenComparing(MediaType::isWildcardSubtype))
                .toList();
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() <= 0) {
                continue;
            }
            if (wanted.isWildcardType()) {
                return JSON;
            }
            for (Format candidate : values()) {
                if (wanted.includes(candidate.mediaType)) {
                    return candidate;
                }
            }
        }
        throw notAcceptable(
                "Accept",
                "the report is available as application/json, text/html, application/pdf, text/csv and %s, not %s"
                        .formatted(XLSX.mediaType, accept));
    }

    private static Problem notAcceptable(String field, String detail) {
        return new Problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", detail, field);
    }
}
