package fi.hyte.report.report.format;

import fi.hyte.report.projection.GoalModel;
import fi.hyte.report.report.WelfareReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A measure's trend as a small SVG drawn on the server: the series of the measure's region (solid), the
 * member municipalities (thin, grey), the baseline and the target (points) and the straight path between
 * them that the assessment compares against (dashed). Plain SVG 1.1, so that browsers and the PDF renderer
 * draw the same thing.
 */
final class TrendChart {

    static final int WIDTH = 520;
    static final int HEIGHT = 200;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 28;

    private TrendChart() {}

    static String svg(WelfareReport.MeasureReport measure, String label) {
        List<GoalModel.Point> all = new ArrayList<>(measure.series());
        all.add(measure.baseline());
        all.add(measure.target());
        measure.municipalities().forEach(m -> all.addAll(m.series()));
        int minYear = all.stream().mapToInt(GoalModel.Point::year).min().orElse(2000);
        int maxYear = Math.max(
                minYear + 1, all.stream().mapToInt(GoalModel.Point::year).max().orElse(2001));
        double min = all.stream().mapToDouble(GoalModel.Point::value).min().orElse(0);
        double max = all.stream().mapToDouble(GoalModel.Point::value).max().orElse(1);
        double pad = Math.max((max - min) * 0.1, Math.abs(max) * 0.01 + 1e-9);
        var scale = new Scale(minYear, maxYear, min - pad, max + pad);

        var svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Xml.escape(label))
                .append("\">");
        svg.append("<title>").append(Xml.escape(label)).append("</title>");
        // axes with the first and last year and the value range
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#888", 1, null));
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#888", 1, null));
        for (int year : yearTicks(minYear, maxYear)) {
            svg.append(text(scale.x(year), HEIGHT - BOTTOM + 16, "middle", Integer.toString(year)));
        }
        svg.append(text(LEFT - 6, scale.y(max) + 4, "end", number(max)));
        svg.append(text(LEFT - 6, scale.y(min) + 4, "end", number(min)));
        // the straight path from baseline to target, and the target level
        svg.append(line(
                        scale.x(measure.baseline().year()),
                        scale.y(measure.baseline().value()),
                        scale.x(measure.target().year()),
                        scale.y(measure.target().value()),
                        "#2e7d32",
                        1.5,
                        "6 4")
                .replace("<line ", "<line class=\"path\" "));
        svg.append(line(
                        LEFT,
                        scale.y(measure.target().value()),
                        WIDTH - RIGHT,
                        scale.y(measure.target().value()),
                        "#2e7d32",
                        0.75,
                        "2 3")
                .replace("<line ", "<line class=\"target\" "));
        for (var member : measure.municipalities()) {
            svg.append(polyline(member.series(), scale, "#9e9e9e", 1, "member"));
        }
        svg.append(polyline(measure.series(), scale, "#1565c0", 2.5, "series"));
        for (var point : measure.series()) {
            svg.append(circle(scale.x(point.year()), scale.y(point.value()), 2.5, "#1565c0"));
        }
        svg.append(circle(
                        scale.x(measure.baseline().year()),
                        scale.y(measure.baseline().value()),
                        4,
                        "#6d4c41")
                .replace("<circle ", "<circle class=\"baseline\" "));
        svg.append(circle(
                        scale.x(measure.target().year()),
                        scale.y(measure.target().value()),
                        4,
                        "#2e7d32")
                .replace("<circle ", "<circle class=\"target-point\" "));
        svg.append("</svg>");
        return svg.toString();
    }

    private record Scale(int minYear, int maxYear, double min, double max) {
        double x(int year) {
            return LEFT + (double) (year - minYear) / (maxYear - minYear) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return TOP + (max - value) / (max - min) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static List<Integer> yearTicks(int minYear, int maxYear) {
        int span = maxYear - minYear;
        int step = span <= 8 ? 1 : span <= 16 ? 2 : 5;
        return Stream.iterate(minYear, y -> y <= maxYear, y -> y + step).toList();
    }

    private static String polyline(List<GoalModel.Point> points, Scale scale, String colour, double width, String cls) {
        if (points.isEmpty()) {
            return "";
        }
        var coordinates = new StringBuilder();
        for (var point : points) {
            coordinates
                    .append(f(scale.x(point.year())))
                    .append(',')
                    .append(f(scale.y(point.value())))
                    .append(' ');
        }
        return "<polyline class=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" points=\"%s\"/>"
                .formatted(cls, colour, f(width), coordinates.toString().trim());
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>"
                .formatted(
                        f(x1),
                        f(y1),
                        f(x2),
                        f(y2),
                        colour,
                        f(width),
                        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String circle(double x, double y, double r, String colour) {
        return "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>".formatted(f(x), f(y), f(r), colour);
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"10\" fill=\"#444\">%s</text>"
                .formatted(f(x), f(y), anchor, Xml.escape(content));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
