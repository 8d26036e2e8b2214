package fi.hyte.report.report.format;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import fi.hyte.report.projection.GoalModel;
import fi.hyte.report.report.IndicatorNames;
import fi.hyte.report.report.RegionNames;
import fi.hyte.report.report.WelfareReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a report, live or published, in each {@link Format}. HTML comes from one Thymeleaf template
 * written as well-formed XHTML, so that the PDF is rendered from exactly the same document.
 */
@Component
public class ReportRenderer {

    private final ITemplateEngine templates;
    private final JsonMapper json;
    private final RegionNames regions;
    private final IndicatorNames indicators;

    ReportRenderer(ITemplateEngine templates, JsonMapper json, RegionNames regions, IndicatorNames indicators) {
        this.templates = templates;
        this.json = json;
        this.regions = regions;
        this.indicators = indicators;
    }

    /** One age group of the rendered report with its goals. */
    public record Group(String ageGroup, String title, String summary, List<WelfareReport.GoalReport> goals) {}

    /** One year of a measure by gender. */
    public record GenderRow(int year, Double male, Double female, Double total) {}

    public Rendered render(WelfareReport report, Format format, Locale locale, Edition edition) {
        String name = "hyvinvointikertomus-%s-%d%s.%s"
                .formatted(
                        report.region(),
                        report.year(),
                        edition == null ? "" : "-v" + edition.version(),
                        format.extension());
        byte[] body = switch (format) {
            case JSON -> json.writeValueAsBytes(report);
            case HTML -> html(report, locale, edition).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(html(report, locale, edition));
            case CSV -> CsvExport.write(report);
            case XLSX -> XlsxExport.write(report, new Texts(locale, regions, indicators));
        };
        MediaType type = format == Format.HTML || format == Format.CSV
                ? new MediaType(format.mediaType(), StandardCharsets.UTF_8)
                : format.mediaType();
        return new Rendered(body, type, name);
    }

    String html(WelfareReport report, Locale locale, Edition edition) {
        Map<String, String> charts = new HashMap<>();
        Map<String, List<GenderRow>> genderRows = new HashMap<>();
        for (var goal : report.goals()) {
            for (int i = 0; i < goal.measures().size(); i++) {
                var measure = goal.measures().get(i);
                charts.put(
                        goal.goalId() + ":" + i,
                        TrendChart.svg(measure, goal.title() + ": " + indicators.of(measure.indicator(), locale)));
                genderRows.put(goal.goalId() + ":" + i, genderRows(measure));
            }
        }
        var context = new Context(locale);
        context.setVariable("report", report);
        context.setVariable("t", new Texts(locale, regions, indicators));
        context.setVariable("groups", groups(report));
        context.setVariable("charts", charts);
        context.setVariable("genderRows", genderRows);
        context.setVariable("edition", edition);
        return templates.process("report/annual", context);
    }

    private static List<Group> groups(WelfareReport report) {
        var groups = new ArrayList<Group>();
        for (var section : report.ageGroups()) {
            groups.add(new Group(
                    section.ageGroup(),
                    section.title(),
                    section.summary(),
                    report.goals().stream()
                            .filter(g -> section.goalIds().contains(g.goalId()))
                            .toList()));
        }
        return groups;
    }

    private static List<GenderRow> genderRows(WelfareReport.MeasureReport measure) {
        Map<Integer, Double[]> years = new TreeMap<>();
        put(years, measure.byGender().male(), 0);
        put(years, measure.byGender().female(), 1);
        put(years, measure.byGender().total(), 2);
        return years.entrySet().stream()
                .map(e -> new GenderRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    private static void put(Map<Integer, Double[]> years, List<GoalModel.Point> points, int column) {
        for (var point : points) {
            years.computeIfAbsent(point.year(), y -> new Double[3])[column] = point.value();
        }
    }

    private static byte[] pdf(String xhtml) {
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useSVGDrawer(new BatikSVGDrawer())
                    .withHtmlContent(xhtml, null)
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
