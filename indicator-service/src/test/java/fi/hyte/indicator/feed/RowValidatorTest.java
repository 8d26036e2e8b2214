package fi.hyte.indicator.feed;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.indicator.SotkanetIndicators;
import fi.hyte.indicator.region.SotkanetRegions;
import fi.hyte.indicator.value.Gender;
import fi.hyte.indicator.value.Observation;
import fi.hyte.indicator.value.ValueKey;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** Row checks against the real catalogues, in June 2025 (so years 1990..2026 are accepted). */
class RowValidatorTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final RowValidator validator = new RowValidator(
            SotkanetIndicators.fromClasspath(json),
            SotkanetRegions.fromClasspath(json),
            Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void acceptsARowNamingItsRegionByCode() {
        assertThat(validator.check(row("4284", null, "HVA-4", "2024", "total", "11.2", null)))
                .isEqualTo(new RowCheck.Valid(
                        new ValueKey(4284, "HVA-4", 2024, Gender.TOTAL), new Observation(11.2, null)));
    }

    @Test
    void resolvesSotkanetRegionIdsCurrentAndFormer() {
        assertThat(key(row("4284", "413", null, "2024", "female", "11.2", null)).region())
                .isEqualTo("092");
        assertThat(key(row("4284", "977", null, "2024", "total", "11.2", null)).region())
                .isEqualTo("HVA-4");
        assertThat(key(row("4284", "897", "HVA-4", "2024", "total", "11.2", null))
                        .region())
                .isEqualTo("HVA-4");
    }

    @Test
    void takesTheAbsoluteValueAsTheFigureWhenTheValueIsMissing() {
        var check = (RowCheck.Valid) validator.check(row("127", "658", null, "2009", "total", "", "5375276"));
        assertThat(check.observation()).isEqualTo(new Observation(5375276, 5375276.0));
    }

    @Test
    void namesTheReasonOfEachRejection() {
        assertThat(reason(row("999999", "413", null, "2024", "total", "1", null)))
                .isEqualTo("indicator: 999999 is not in the indicator catalogue");
        assertThat(reason(row("4284", "730", null, "2024", "total", "1", null)))
                .isEqualTo("region: Sotkanet region 730 is not in the region catalogue");
        assertThat(reason(row("4284", null, "HVA-99", "2024", "total", "1", null)))
                .isEqualTo("regionCode: 'HVA-99' is not in the region catalogue");
        assertThat(reason(row("4284", "413", "HVA-4", "2024", "total", "1", null)))
                .isEqualTo("regionCode: 'HVA-4' and region 413 name different regions");
        assertThat(reason(row("4284", null, null, "2024", "total", "1", null))).startsWith("region: missing");
        assertThat(reason(row("4284", "413", null, "1989", "total", "1", null)))
                .isEqualTo("year: 1989 is outside 1990..2026");
        assertThat(reason(row("4284", "413", null, "2027", "total", "1", null)))
                .isEqualTo("year: 2027 is outside 1990..2026");
        assertThat(reason(row("4284", "413", null, "2024", "other", "1", null)))
                .isEqualTo("gender: 'other' is not one of male, female, total");
        assertThat(reason(row("4284", "413", null, "2024", "total", null, null)))
                .isEqualTo("value: no numeric value; give value or absValue");
        assertThat(reason(row("4284", "413", null, "2024", "total", "NaN", null)))
                .isEqualTo("value: 'NaN' is not a finite number");
        assertThat(reason(row("4284", "413", null, "2024", "total", "1e309", null)))
                .isEqualTo("value: '1e309' is not a finite number");
        assertThat(reason(row("4284", "413", null, "2024", "total", "Infinity", null)))
                .isEqualTo("value: 'Infinity' is not a finite number");
        assertThat(reason(row("4284", "413", null, "2024", "total", "1", "-Infinity")))
                .isEqualTo("absValue: '-Infinity' is not a finite number");
    }

    @Test
    void namesEveryOffendingFieldOfARow() {
        assertThat(reason(row("x", "413", null, "soon", "other", "1", null)))
                .isEqualTo("indicator: 'x' is not an indicator id; year: 'soon' is not a year; "
                        + "gender: 'other' is not one of male, female, total");
    }

    @Test
    void rejectsOnlyTheRowsOfTheRealCsvWhoseRegionsTheCatalogueLacks() throws IOException {
        var parser = new FeedParser(json, FeedParserTest.properties(DataSize.ofMegabytes(64)));
        List<FeedRow> rows;
        try (InputStream csv = new ClassPathResource("sotkanet/SotkaIndicatorData.csv").getInputStream()) {
            rows = FeedParserTest.csv(parser, csv);
        }
        var checks = rows.stream().map(validator::check).toList();
        assertThat(checks).filteredOn(RowCheck.Valid.class::isInstance).hasSize(463);
        assertThat(checks)
                .filteredOn(RowCheck.Rejected.class::isInstance)
                .extracting(check -> ((RowCheck.Rejected) check).reason())
                .containsExactlyInAnyOrder(
                        "region: Sotkanet region 730 is not in the region catalogue",
                        "region: Sotkanet region 456 is not in the region catalogue",
                        "region: Sotkanet region 455 is not in the region catalogue");
    }

    private static FeedRow row(
            String indicator,
            String region,
            String regionCode,
            String year,
            String gender,
            String value,
            String absValue) {
        return new FeedRow(1, indicator, region, regionCode, year, gender, value, absValue, null);
    }

    private static ValueKey key(FeedRow row) {
        return ((RowCheck.Valid) validator.check(row)).key();
    }

    private static String reason(FeedRow row) {
        return ((RowCheck.Rejected) validator.check(row)).reason();
    }
}
