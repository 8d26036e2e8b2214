package fi.hyte.report.publication;

import fi.hyte.support.outbox.OutboxAggregate;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published report (id {@code <region>:<year>:<version>}): the report's JSON exactly as it stood when a
 * coordinator published it, with who and when and the SHA-256 of that JSON. It never changes after it is
 * written; later events move only the live report.
 */
@Document("publications")
public class Publication extends OutboxAggregate {

    @Id
    private final String id;

    private final String region;
    private final int year;
    private final int number;
    private final Instant publishedAt;
    private final String publishedBy;
    private final String contentHash;
    private final String report;

    Publication(
            String id,
            String region,
            int year,
            int number,
            Instant publishedAt,
            String publishedBy,
            String contentHash,
            String report) {
        this.id = id;
        this.region = region;
        this.year = year;
        this.number = number;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.contentHash = contentHash;
        this.report = report;
    }

    static Publication publish(
            String region, int year, int number, String reportJson, String contentHash, String actor, Instant at) {
        var publication = new Publication(
                region + ":" + year + ":" + number, region, year, number, at, actor, contentHash, reportJson);
        publication.raise(new PublicationEvent.ReportPublished(
                region, year, number, contentHash, location(region, year, number)));
        return publication;
    }

    public static String location(String region, int year, int number) {
        return "/api/reports/%s/%d/publications/%d".formatted(region, year, number);
    }

    @Override
    public String aggregateId() {
        return id;
    }

    @Override
    public String region() {
        return region;
    }

    public int year() {
        return year;
    }

    /** The version number of this publication of the region's report for the year: 1, 2, ... */
    public int number() {
        return number;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public String contentHash() {
        return contentHash;
    }

    /** The report's JSON as published. */
    public String report() {
        return report;
    }

    public String location() {
        return location(region, year, number);
    }
}
