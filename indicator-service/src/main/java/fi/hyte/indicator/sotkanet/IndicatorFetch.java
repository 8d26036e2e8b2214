package fi.hyte.indicator.sotkanet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the connector remembers of one Sotkanet indicator, shared by every instance: the {@code data-updated}
 * it last fetched, so that neither a restart nor a second instance fetches the same data again, and who is
 * polling it now.
 *
 * @param indicator the Sotkanet indicator id
 * @param dataUpdated the {@code data-updated} (ISO date) of the data last fetched and submitted, {@code null}
 *     if never
 * @param fetchedAt when that data was fetched
 * @param feedIds the feeds it was submitted as
 * @param polledAt when the indicator's metadata was last read
 * @param failure why the last poll failed, {@code null} if it did not
 * @param claim the poll holding the indicator now, {@code null} if none
 * @param leaseUntil when that claim lapses
 */
@Document("sotkanet_fetches")
record IndicatorFetch(
        @Id int indicator,
        String dataUpdated,
        Instant fetchedAt,
        List<String> feedIds,
        Instant polledAt,
        String failure,
        String claim,
        Instant leaseUntil) {

    static final String DATA_UPDATED = "dataUpdated";
    static final String FETCHED_AT = "fetchedAt";
    static final String FEED_IDS = "feedIds";
    static final String POLLED_AT = "polledAt";
    static final String FAILURE = "failure";
    static final String CLAIM = "claim";
    static final String LEASE_UNTIL = "leaseUntil";

    /** Whether data last updated at {@code updated} is newer than what was fetched. */
    boolean isNewer(LocalDate updated) {
        if (updated == null) {
            // Sotkanet gives no date: fetch once, then rely on the dates it gives later
            return fetchedAt == null;
        }
        return dataUpdated == null || updated.isAfter(LocalDate.parse(dataUpdated));
    }
}
