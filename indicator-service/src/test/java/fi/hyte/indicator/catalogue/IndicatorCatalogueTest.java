package fi.hyte.indicator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.indicator.SotkanetIndicators;
import fi.hyte.indicator.region.SotkanetRegions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IndicatorCatalogueTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final Duration SIX_DAYS = Duration.ofDays(6);

    static CatalogueContent content(Integer... ids) {
        return new CatalogueContent(
                List.of(ids), List.of(), "sha256:" + List.of(ids).hashCode());
    }

    @Test
    void announcesTheFirstCatalogueWithEveryId() {
        var catalogue = IndicatorCatalogue.announce(content(243, 4284), NOW);

        assertThat(catalogue.raised())
                .singleElement()
                .isInstanceOfSatisfying(CatalogueEvent.CataloguePublished.class, published -> {
                    assertThat(published.type()).isEqualTo("indicator.catalogue-published");
                    assertThat(published.catalogueId()).isEqualTo("indicators");
                    assertThat(published.indicators()).containsExactly(243, 4284);
                    assertThat(published.indicatorCount()).isEqualTo(2);
                });
    }

    @Test
    void announcesNothingAgainWhileTheContentIsUnchanged() {
        var catalogue = IndicatorCatalogue.announce(content(243, 4284), NOW);

        assertThat(catalogue.announceIfDue(content(243, 4284), NOW.plus(Duration.ofHours(1)), SIX_DAYS))
                .isFalse();
        assertThat(catalogue.announceIfDue(content(243, 4284), NOW.plus(Duration.ofDays(5)), SIX_DAYS))
                .isFalse();
        assertThat(catalogue.raised()).hasSize(1);
    }

    @Test
    void announcesAgainWhenTheContentChanges() {
        var catalogue = IndicatorCatalogue.announce(content(243, 4284), NOW);

        assertThat(catalogue.announceIfDue(content(243, 4284, 4459), NOW.plusSeconds(60), SIX_DAYS))
                .isTrue();
        assertThat(catalogue.raised()).hasSize(2);
        assertThat(catalogue.indicatorCount()).isEqualTo(3);
    }

    @Test
    void announcesAnUnchangedCatalogueAgainOnceTheLastAnnouncementIsOld() {
        var catalogue = IndicatorCatalogue.announce(content(243, 4284), NOW);

        assertThat(catalogue.announceIfDue(content(243, 4284), NOW.plus(SIX_DAYS), SIX_DAYS))
                .isTrue();
        assertThat(catalogue.publishedAt()).isEqualTo(NOW.plus(SIX_DAYS));
    }

    @Test
    void theContentOfTheSotkanetCataloguesHasEveryIndicatorAndTheKnownCounties() {
        var json = JsonMapper.builder().build();
        var content = CatalogueContent.of(SotkanetIndicators.fromClasspath(json), SotkanetRegions.fromClasspath(json));

        assertThat(content.indicators())
                .hasSize(2434)
                .contains(243, 289, 4284, 4459)
                .isSorted();
        assertThat(content.counties())
                .contains(
                        new CatalogueEvent.County("HVA-4", List.of("092", "245")),
                        new CatalogueEvent.County("HVA-2", List.of("106", "186", "505", "543", "611", "858")));
        assertThat(content.contentHash())
                .as("the hash depends on the content only")
                .isEqualTo(
                        CatalogueContent.of(SotkanetIndicators.fromClasspath(json), SotkanetRegions.fromClasspath(json))
                                .contentHash())
                .startsWith("sha256:");
    }
}
