package fi.hyte.report.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.report.projection.GoalModel.Point;
import fi.hyte.report.report.Assessment;
import fi.hyte.report.report.WelfareReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    static WelfareReport.MeasureReport measure(List<Point> series, List<WelfareReport.RegionSeries> members) {
        return new WelfareReport.MeasureReport(
                4284,
                "HVA-4",
                "total",
                "DECREASE",
                new Point(2023, 12.5),
                new Point(2029, 9.0),
                series.isEmpty() ? null : series.getLast(),
                series,
                Assessment.ON_TRACK,
                new WelfareReport.ByGender(List.of(), List.of(), series),
                null,
                members);
    }

    @Test
    void drawsTheSeriesTheMembersAndThePathFromBaselineToTargetAsWellFormedSvg() throws Exception {
        String svg = TrendChart.svg(
                measure(
                        List.of(new Point(2023, 12.5), new Point(2024, 11.9), new Point(2025, 11.2)),
                        List.of(new WelfareReport.RegionSeries(
                                "092", new Point(2025, 10.5), List.of(new Point(2025, 10.5)), Assessment.ON_TRACK))),
                "Yksinäisyys <& \"nuoret\">");
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("class=\"series\"", "class=\"member\"", "class=\"path\"", "class=\"baseline\"");
        assertThat(document.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Yksinäisyys <& \"nuoret\">");
        // the series' three points, the baseline and the target
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(5);
    }

    @Test
    void aMeasureWithoutValuesStillShowsBaselineAndTarget() throws Exception {
        String svg = TrendChart.svg(measure(List.of(), List.of()), "x");
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("polyline").getLength()).isZero();
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(2);
    }
}
