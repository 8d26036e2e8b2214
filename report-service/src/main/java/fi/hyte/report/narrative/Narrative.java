package fi.hyte.report.narrative;

import fi.hyte.support.outbox.OutboxAggregate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The narrative of a region's report for a year (id {@code <region>:<year>}): the coordinator's summary and
 * a commentary per goal. Written only through the API, never derived from other services' events, so it
 * is report-service's own state: an aggregate whose changes go out as {@code report.narrative-written}.
 */
@Document("narratives")
public class Narrative extends OutboxAggregate {

    @Id
    private final String id;

    private final String region;
    private final int year;
    private String summary;
    private List<Commentary> commentary;
    private Instant updatedAt;
    private String updatedBy;

    Narrative(
            String id,
            String region,
            int year,
            String summary,
            List<Commentary> commentary,
            Instant updatedAt,
            String updatedBy) {
        this.id = id;
        this.region = region;
        this.year = year;
        this.summary = summary;
        this.commentary = commentary == null ? List.of() : List.copyOf(commentary);
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    static String idOf(String region, int year) {
        return region + ":" + year;
    }

    static Narrative empty(String region, int year) {
        return new Narrative(idOf(region, year), region, year, null, List.of(), null, null);
    }

    /** Replaces the text, raising {@code report.narrative-written}. */
    void write(String summary, List<Commentary> commentary, String actor, Instant at) {
        this.summary = summary;
        this.commentary = List.copyOf(commentary);
        this.updatedAt = at;
        this.updatedBy = actor;
        raise(new NarrativeEvent.NarrativeWritten(region, year, summary, this.commentary));
    }

    /** A coordinator's commentary on one goal. */
    public record Commentary(String goalId, String text) {}

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

    public String summary() {
        return summary;
    }

    public List<Commentary> commentary() {
        return commentary;
    }

    public Optional<String> commentaryOn(String goalId) {
        return commentary.stream()
                .filter(c -> c.goalId().equals(goalId))
                .map(Commentary::text)
                .findFirst();
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
