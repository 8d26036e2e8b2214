package fi.hyte.indicator.sotkanet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the connector fetches an indicator's data again. */
class IndicatorFetchTest {

    static IndicatorFetch fetched(String dataUpdated) {
        return new IndicatorFetch(
                127, dataUpdated, Instant.parse("2025-06-01T00:00:00Z"), List.of("f"), null, null, "c", null);
    }

    static final IndicatorFetch NEVER = new IndicatorFetch(127, null, null, List.of(), null, null, "c", null);

    @Test
    void fetchesWhatWasNeverFetched() {
        assertThat(NEVER.isNewer(LocalDate.parse("2025-05-28"))).isTrue();
        assertThat(NEVER.isNewer(null)).isTrue();
    }

    @Test
    void fetchesAgainOnlyDataUpdatedAfterWhatWasFetched() {
        var fetched = fetched("2025-05-28");
        assertThat(fetched.isNewer(LocalDate.parse("2025-05-28"))).isFalse();
        assertThat(fetched.isNewer(LocalDate.parse("2024-12-31"))).isFalse();
        assertThat(fetched.isNewer(LocalDate.parse("2025-05-29"))).isTrue();
    }

    @Test
    void withoutADateFetchesOnlyOnce() {
        assertThat(fetched(null).isNewer(null)).isFalse();
    }
}
