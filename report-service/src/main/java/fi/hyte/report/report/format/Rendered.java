package fi.hyte.report.report.format;

import org.springframework.http.MediaType;

/** A report rendered in one format, with the file name a browser should save it under. */
public record Rendered(byte[] body, MediaType mediaType, String fileName) {}
