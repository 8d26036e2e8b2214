package fi.hyte.plan.plan;

import java.util.List;

/** What a coordinator writes of a goal; the server owns its id and status. */
public record GoalContent(
        String title, String description, AgeGroup ageGroup, List<String> riskGroups, List<Measure> measures) {

    public GoalContent {
        riskGroups = riskGroups == null ? List.of() : List.copyOf(riskGroups);
        measures = List.copyOf(measures);
    }

    GoalContent withMeasureRegionsDefaultingTo(String planRegion) {
        return new GoalContent(
                title,
                description,
                ageGroup,
                riskGroups,
                measures.stream().map(m -> m.inRegionOr(planRegion)).toList());
    }
}
