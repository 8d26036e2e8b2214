package fi.hyte.report.report.format;

import fi.hyte.report.projection.GoalModel;
import fi.hyte.report.report.WelfareReport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report's figures as CSV: one row per goal x measure x region x gender x year. Semicolon-separated with
 * a decimal point (a semicolon never needs quoting in Finnish text and decimal commas cannot be confused with
 * it), a header row, CRLF line ends and UTF-8 with a byte-order mark so that Excel reads ä and ö right.
 * Fields with a semicolon, quote or line break are quoted as RFC 4180 says; a goal title that a spreadsheet
 * would take for a formula starts with an apostrophe.
 */
final class CsvExport {

    static final List<String> HEADER = List.of(
            "ageGroup",
            "goalId",
            "goal",
            "indicator",
            "measureRegion",
            "region",
            "gender",
            "year",
            "value",
            "baselineYear",
            "baselineValue",
            "targetYear",
            "targetValue",
            "direction",
            "assessment");

    private CsvExport() {}

    static byte[] write(WelfareReport report) {
        var csv = new StringBuilder(64 * 1024);
        csv.append('\uFEFF');
        row(csv, HEADER);
        for (var goal : report.goals()) {
            for (var measure : goal.measures()) {
                values(
                        csv,
                        goal,
                        measure,
                        measure.region(),
                        "male",
                        measure.byGender().male());
                values(
                        csv,
                        goal,
                        measure,
                        measure.region(),
                        "female",
                        measure.byGender().female());
                values(
                        csv,
                        goal,
                        measure,
                        measure.region(),
                        "total",
                        measure.byGender().total());
                if (!List.of("male", "female", "total").contains(measure.gender())) {
                    values(csv, goal, measure, measure.region(), measure.gender(), measure.series());
                }
                for (var member : measure.municipalities()) {
                    values(csv, goal, measure, member.region(), measure.gender(), member.series());
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void values(
            StringBuilder csv,
            WelfareReport.GoalReport goal,
            WelfareReport.MeasureReport measure,
            String region,
            String gender,
            List<GoalModel.Point> series) {
        for (var point : series) {
            row(
                    csv,
                    List.of(
                            nullToEmpty(goal.ageGroup()),
                            goal.goalId(),
                            text(goal.title()),
                            Integer.toString(measure.indicator()),
                            measure.region(),
                            region,
                            gender,
                            Integer.toString(point.year()),
                            number(point.value()),
                            Integer.toString(measure.baseline().year()),
                            number(measure.baseline().value()),
                            Integer.toString(measure.target().year()),
                            number(measure.target().value()),
                            nullToEmpty(measure.direction()),
                            measure.assessment().name()));
        }
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Free text as a spreadsheet will not take it for a formula: a leading {@code = + - @} gets an apostrophe
     * (the usual guard against CSV injection; the xlsx writes text cells, which are never formulas).
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            String field = fields.get(i);
            if (field.indexOf(';') >= 0
                    || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }
}
