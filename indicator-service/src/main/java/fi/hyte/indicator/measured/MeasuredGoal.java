package fi.hyte.indicator.measured;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What indicator-service knows of a goal: which indicators it measures, and whether it is in force.
 *
 * @param inForce approved and neither retired nor under a closed plan
 * @param planRevision the plan's aggregate version of the last event applied; older or repeated events are
 *     ignored, which makes applying them idempotent
 */
@Document("measured_goals")
record MeasuredGoal(
        @Id String id, String planId, String region, List<Integer> indicators, boolean inForce, long planRevision) {

    static final String PLAN_ID = "planId";
    static final String INDICATORS = "indicators";
    static final String IN_FORCE = "inForce";
    static final String PLAN_REVISION = "planRevision";

    MeasuredGoal {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
