package fi.hyte.report.report.format;

import fi.hyte.report.report.WelfareReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The report as a workbook for coordinators: sheet {@code goals} (one row per goal and measure, with the
 * assessment and the action counts), {@code values} (the rows of the CSV) and {@code actions}. Header rows in
 * the report's language; numbers as numbers, dates as dates.
 */
final class XlsxExport {

    private XlsxExport() {}

    static byte[] write(WelfareReport report, Texts t) {
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            var workbook = new Workbook(out, "Hyte", "1.0");
            goals(workbook.newWorksheet("goals"), report, t);
            values(workbook.newWorksheet("values"), report, t);
            actions(workbook.newWorksheet("actions"), report, t);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void goals(Worksheet sheet, WelfareReport report, Texts t) {
        header(
                sheet,
                List.of(
                        t.t("xlsx.ageGroup"),
                        "goalId",
                        t.t("xlsx.goal"),
                        t.t("measure.indicator"),
                        t.t("xlsx.indicatorTitle"),
                        t.t("measure.region"),
                        t.t("xlsx.gender"),
                        t.t("measure.direction"),
                        t.t("measure.baseline") + " " + t.t("measure.year"),
                        t.t("measure.baseline"),
                        t.t("measure.target") + " " + t.t("measure.year"),
                        t.t("measure.target"),
                        t.t("measure.latest") + " " + t.t("measure.year"),
                        t.t("measure.latest"),
                        t.t("measure.assessment"),
                        t.t("measure.gap"),
                        t.t("actions.total"),
                        t.t("actions.planned"),
                        t.t("actions.inProgress"),
                        t.t("actions.completed"),
                        t.t("actions.cancelled"),
                        t.t("actions.overdue"),
                        t.t("actions.owners"),
                        t.t("goal.commentary")));
        int row = 1;
        for (var goal : report.goals()) {
            for (var measure : goal.measures()) {
                int c = 0;
                sheet.value(row, c++, t.t("ageGroup." + goal.ageGroup()));
                sheet.value(row, c++, goal.goalId());
                sheet.value(row, c++, goal.title());
                sheet.value(row, c++, measure.indicator());
                sheet.value(row, c++, t.indicator(measure.indicator()));
                sheet.value(row, c++, t.region(measure.region()));
                sheet.value(row, c++, t.t("gender." + measure.gender()));
                sheet.value(row, c++, t.t("measure.direction." + measure.direction()));
                sheet.value(row, c++, measure.baseline().year());
                sheet.value(row, c++, measure.baseline().value());
                sheet.value(row, c++, measure.target().year());
                sheet.value(row, c++, measure.target().value());
                if (measure.latest() != null) {
                    sheet.value(row, c, measure.latest().year());
                    sheet.value(row, c + 1, measure.latest().value());
                }
                c += 2;
                sheet.value(row, c++, t.t("assessment." + measure.assessment().name()));
                if (measure.genderGap() != null) {
                    sheet.value(row, c, measure.genderGap().gap());
                }
                c++;
                var actions = goal.actions();
                sheet.value(row, c++, actions.total());
                sheet.value(row, c++, actions.planned());
                sheet.value(row, c++, actions.inProgress());
                sheet.value(row, c++, actions.completed());
                sheet.value(row, c++, actions.cancelled());
                sheet.value(row, c++, actions.overdue());
                sheet.value(row, c++, String.join(", ", actions.owners()));
                sheet.value(row, c, goal.commentary());
                row++;
            }
        }
    }

    private static void values(Worksheet sheet, WelfareReport report, Texts t) {
        header(sheet, CsvExport.HEADER);
        int row = 1;
        for (var goal : report.goals()) {
            for (var measure : goal.measures()) {
                row = series(
                        sheet,
                        row,
                        goal,
                        measure,
                        measure.region(),
                        "male",
                        measure.byGender().male());
                row = series(
                        sheet,
                        row,
                        goal,
                        measure,
                        measure.region(),
                        "female",
                        measure.byGender().female());
                row = series(
                        sheet,
                        row,
                        goal,
                        measure,
                        measure.region(),
                        "total",
                        measure.byGender().total());
                for (var member : measure.municipalities()) {
                    row = series(sheet, row, goal, measure, member.region(), measure.gender(), member.series());
                }
            }
        }
    }

    private static int series(
            Worksheet sheet,
            int row,
            WelfareReport.GoalReport goal,
            WelfareReport.MeasureReport measure,
            String region,
            String gender,
            List<fi.hyte.report.projection.GoalModel.Point> points) {
        for (var point : points) {
            int c = 0;
            sheet.value(row, c++, goal.ageGroup());
            sheet.value(row, c++, goal.goalId());
            sheet.value(row, c++, goal.title());
            sheet.value(row, c++, measure.indicator());
            sheet.value(row, c++, measure.region());
            sheet.value(row, c++, region);
            sheet.value(row, c++, gender);
            sheet.value(row, c++, point.year());
            sheet.value(row, c++, point.value());
            sheet.value(row, c++, measure.baseline().year());
            sheet.value(row, c++, measure.baseline().value());
            sheet.value(row, c++, measure.target().year());
            sheet.value(row, c++, measure.target().value());
            sheet.value(row, c++, measure.direction());
            sheet.value(row, c, measure.assessment().name());
            row++;
        }
        return row;
    }

    private static void actions(Worksheet sheet, WelfareReport report, Texts t) {
        header(
                sheet,
                List.of(
                        "goalId",
                        t.t("xlsx.goal"),
                        "actionId",
                        t.t("action.title"),
                        "kind",
                        t.t("action.organisation"),
                        t.t("action.responsible"),
                        "start",
                        "due",
                        t.t("action.status"),
                        t.t("actions.overdue"),
                        "%",
                        t.t("action.note")));
        int row = 1;
        for (var goal : report.goals()) {
            for (var action : goal.actions().list()) {
                int c = 0;
                sheet.value(row, c++, goal.goalId());
                sheet.value(row, c++, goal.title());
                sheet.value(row, c++, action.id());
                sheet.value(row, c++, action.title());
                sheet.value(row, c++, action.kind());
                sheet.value(row, c++, action.organisation());
                sheet.value(row, c++, action.responsiblePerson());
                if (action.start() != null) {
                    sheet.value(row, c, action.start());
                    sheet.style(row, c).format("d.m.yyyy").set();
                }
                c++;
                if (action.due() != null) {
                    sheet.value(row, c, action.due());
                    sheet.style(row, c).format("d.m.yyyy").set();
                }
                c++;
                sheet.value(row, c++, action.status() == null ? null : t.t("status." + action.status()));
                sheet.value(row, c++, action.overdue());
                if (action.percentComplete() != null) {
                    sheet.value(row, c, action.percentComplete());
                }
                c++;
                sheet.value(row, c, action.note());
                row++;
            }
        }
    }

    private static void header(Worksheet sheet, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            sheet.value(0, c, names.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
    }
}
