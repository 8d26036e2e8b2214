package fi.hyte.indicator.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {

    static final ValueKey KEY = new ValueKey(4284, "HVA-4", 2024, Gender.TOTAL);
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void isKeyedDeterministically() {
        assertThat(KEY.id()).isEqualTo("4284:HVA-4:2024:total");
        assertThat(IndicatorValue.of(KEY).aggregateId()).isEqualTo("4284:HVA-4:2024:total");
        assertThat(IndicatorValue.of(KEY).region()).isEqualTo("HVA-4");
    }

    @Test
    void aNewValueChangesAndIsKeptAsARevision() {
        var value = IndicatorValue.of(KEY);
        assertThat(value.record(new Observation(11.2, null), "feed-1", 1, NOW)).isEqualTo(Outcome.CHANGED);
        assertThat(value.value()).isEqualTo(11.2);
        assertThat(value.revisions()).containsExactly(new Revision(11.2, null, "feed-1", 1, NOW));
    }

    @Test
    void anEqualValueChangesNothing() {
        var value = IndicatorValue.of(KEY);
        value.record(new Observation(11.2, null), "feed-1", 1, NOW);
        assertThat(value.record(new Observation(11.2, null), "feed-2", 1, NOW.plusSeconds(60)))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(value.revisions()).hasSize(1);
        assertThat(value.feedId()).isEqualTo("feed-1");
    }

    @Test
    void aDifferentValueKeepsTheEarlierOneReadable() {
        var value = IndicatorValue.of(KEY);
        value.record(new Observation(11.2, null), "feed-1", 1, NOW);
        assertThat(value.record(new Observation(11.5, 40.0), "feed-2", 3, NOW.plusSeconds(60)))
                .isEqualTo(Outcome.CHANGED);
        assertThat(value.value()).isEqualTo(11.5);
        assertThat(value.absValue()).isEqualTo(40.0);
        assertThat(value.revisions()).extracting(Revision::value).containsExactly(11.2, 11.5);
    }

    @Test
    void processingAFeedRowAgainNeitherRevertsALaterValueNorChangesAnything() {
        var value = IndicatorValue.of(KEY);
        value.record(new Observation(11.2, null), "feed-1", 1, NOW);
        value.record(new Observation(11.5, null), "feed-2", 1, NOW.plusSeconds(60));
        assertThat(value.record(new Observation(11.2, null), "feed-1", 1, NOW.plusSeconds(120)))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(value.value()).isEqualTo(11.5);
    }
}
