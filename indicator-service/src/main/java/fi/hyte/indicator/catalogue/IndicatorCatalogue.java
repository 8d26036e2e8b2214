package fi.hyte.indicator.catalogue;

import fi.hyte.support.outbox.OutboxAggregate;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What was last announced of the catalogue: its content hash and when. Announcing goes through this small
 * aggregate's outbox like every other event, and only when the content differs from what was announced
 * (or the announcement has grown old), so a restart announces nothing.
 */
@Document("catalogue_announcements")
public class IndicatorCatalogue extends OutboxAggregate {

    static final String ID = "indicators";

    @Id
    private final String id;

    private String contentHash;
    private int indicatorCount;
    private Instant publishedAt;

    IndicatorCatalogue(String id, String contentHash, int indicatorCount, Instant publishedAt) {
        this.id = id;
        this.contentHash = contentHash;
        this.indicatorCount = indicatorCount;
        this.publishedAt = publishedAt;
    }

    /** The first announcement. */
    static IndicatorCatalogue announce(CatalogueContent content, Instant now) {
        var catalogue = new IndicatorCatalogue(ID, null, 0, null);
        catalogue.publish(content, now);
        return catalogue;
    }

    /**
     * Announces the content if it differs from what was last announced, or if that announcement is older
     * than {@code republishAfter} (topics do not keep records forever, and a consumer starting from an empty
     * database must still find one); returns whether it did.
     */
    boolean announceIfDue(CatalogueContent content, Instant now, Duration republishAfter) {
        boolean same = content.contentHash().equals(contentHash);
        boolean recent = publishedAt != null && now.isBefore(publishedAt.plus(republishAfter));
        if (same && recent) {
            return false;
        }
        publish(content, now);
        return true;
    }

    private void publish(CatalogueContent content, Instant now) {
        contentHash = content.contentHash();
        indicatorCount = content.indicators().size();
        publishedAt = now;
        raise(new CatalogueEvent.CataloguePublished(
                id, contentHash, indicatorCount, content.indicators(), content.counties()));
    }

    @Override
    public String aggregateId() {
        return id;
    }

    /** The catalogue concerns no one region. */
    @Override
    public String region() {
        return null;
    }

    public String contentHash() {
        return contentHash;
    }

    public int indicatorCount() {
        return indicatorCount;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
