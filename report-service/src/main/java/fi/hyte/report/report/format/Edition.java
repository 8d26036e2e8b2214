package fi.hyte.report.report.format;

import java.time.Instant;

/** Which published version a rendering shows; a live report has none. */
public record Edition(int version, Instant publishedAt, String publishedBy, String contentHash) {}
