package fi.hyte.indicator.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.json.JsonMapper;

/** The indicator catalogue as read from the real Sotkanet file. */
class SotkanetIndicatorsTest {

    static final Indicators indicators =
            SotkanetIndicators.fromClasspath(JsonMapper.builder().build());

    @Test
    void holdsEverySotkanetIndicator() {
        assertThat(indicators.size()).isEqualTo(2434);
        Indicator loneliness = indicators.find(4284).orElseThrow();
        assertThat(loneliness.title().en()).isEqualTo("Persons who feel themselves lonely (%)");
        assertThat(loneliness.organisation().title().fi()).isEqualTo("Terveyden ja hyvinvoinnin laitos (THL)");
        assertThat(loneliness.classifications().sex()).containsExactly("male", "female", "total");
    }

    @Test
    void decodesTheHtmlEntitiesOfTitles() {
        Indicator obesity = indicators.find(716).orElseThrow();
        assertThat(obesity.title().fi())
                .isEqualTo("Lihavia (BMI≥30 kg/m2) 25 - 64-vuotiaita, % vastaavanikäisestä väestöstä");
        assertThat(obesity.title().en()).startsWith("Obesity (BMI≥30 kg/m2)");
        assertThat(indicators.search("&#", PageRequest.of(0, 10)).getTotalElements())
                .isZero();
    }

    @Test
    void searchesTitlesInEveryLanguageAPageAtATime() {
        var lonely = indicators.search("LONELY", PageRequest.of(0, 5));
        assertThat(lonely.getTotalElements()).isEqualTo(7);
        assertThat(lonely.getContent()).hasSize(5);
        assertThat(indicators.search("lonely", PageRequest.of(1, 5)).getContent())
                .hasSize(2);
        assertThat(indicators.search("ensamma", PageRequest.of(0, 50)).getContent())
                .extracting(Indicator::id)
                .contains(4284);
        assertThat(indicators.search(null, PageRequest.of(121, 20)).getContent())
                .hasSize(14);
    }
}
