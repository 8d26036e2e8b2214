package fi.hyte.report.projection;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An approved goal as the report shows it, from {@code goal.approved} and {@code goal.retired}. */
@Document("goals")
public record GoalModel(
        @Id String id,
        String planId,
        String region,
        int termStart,
        int termEnd,
        String title,
        String description,
        String ageGroup,
        List<String> riskGroups,
        List<MeasureModel> measures,
        String status,
        Integer planVersion,
        long version) {

    /** How the goal is measured. */
    public record MeasureModel(
            int indicator, String region, String gender, Point baseline, Point target, String direction) {}

    /** A value in a year. */
    public record Point(int year, double value) {}
}
