package fi.hyte.plan.plan;

import java.util.UUID;

/** A goal of a plan; part of the plan aggregate. Its revision is its ETag. */
public class Goal {

    private final String id;
    private GoalContent content;
    private GoalStatus status;
    private long revision;

    Goal(String id, GoalContent content, GoalStatus status, long revision) {
        this.id = id;
        this.content = content;
        this.status = status;
        this.revision = revision;
    }

    static Goal draft(GoalContent content) {
        return new Goal(UUID.randomUUID().toString(), content, GoalStatus.DRAFT, 1);
    }

    void approve() {
        status = GoalStatus.APPROVED;
        revision++;
    }

    public String id() {
        return id;
    }

    public GoalContent content() {
        return content;
    }

    public GoalStatus status() {
        return status;
    }

    public long revision() {
        return revision;
    }
}
