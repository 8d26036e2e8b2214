package fi.hyte.action.goal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What action-service knows of a goal: enough to accept actions under it.
 *
 * @param planRevision the plan's aggregate version of the last event applied; older or repeated events
 *     are ignored, which makes applying them idempotent
 */
@Document("goals")
public record KnownGoal(@Id String id, String planId, String region, String title, boolean retired, long planRevision) {

    public boolean acceptsActions() {
        return !retired;
    }
}
