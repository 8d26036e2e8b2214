package fi.hyte.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void indicatorsAndRegionsHaveTheirNamesInEachLanguageAndUnknownOnesTheirCode() {
        var indicators = new IndicatorNames();
        assertThat(indicators.of(4284, Locale.of("fi"))).isEqualTo("Itsensä yksinäiseksi tuntevien osuus (%)");
        assertThat(indicators.of(4284, Locale.of("sv"))).isEqualTo("Andelen personer som känner sig ensamma (%)");
        assertThat(indicators.of(4284, Locale.ENGLISH)).isEqualTo("Persons who feel themselves lonely (%)");
        assertThat(indicators.of(999_999_999, Locale.of("fi"))).isEqualTo("999999999");

        var regions = new RegionNames();
        assertThat(regions.of("092", Locale.of("sv"))).isEqualTo("Vanda");
        assertThat(regions.of("HVA-4", Locale.of("fi"))).isEqualTo("Vantaan ja Keravan hyvinvointialue");
        assertThat(regions.of("HVA-4", Locale.ENGLISH)).isEqualTo("Vantaa and Kerava Wellbeing Services County");
        assertThat(regions.of("XYZ", Locale.ENGLISH)).isEqualTo("XYZ");
    }
}
