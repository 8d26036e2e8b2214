package fi.hyte.plan.plan;

import fi.hyte.support.outbox.OutboxAggregate;
import fi.hyte.support.web.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A region's welfare plan for one council term. Its goals live inside it, so that approving the plan and
 * all its goals, with every event that announces it, is one atomic document write.
 */
@Document("plans")
public class Plan extends OutboxAggregate {

    @Id
    private final String id;

    @Indexed
    private final String region;

    private final String title;
    private final int termStart;
    private final int termEnd;
    private PlanStatus status;
    private final List<Goal> goals;
    private Approval approval;

    Plan(
            String id,
            String region,
            String title,
            int termStart,
            int termEnd,
            PlanStatus status,
            List<Goal> goals,
            Approval approval) {
        this.id = id;
        this.region = region;
        this.title = title;
        this.termStart = termStart;
        this.termEnd = termEnd;
        this.status = status;
        this.goals = goals == null ? new ArrayList<>() : new ArrayList<>(goals);
        this.approval = approval;
    }

    /** Drafts a new plan for a region and council term. */
    public static Plan draft(String region, String title, int termStart, int termEnd) {
        if (termEnd < termStart) {
            throw Problem.invalid("termEnd", "termEnd %d is before termStart %d".formatted(termEnd, termStart));
        }
        var plan = new Plan(
                UUID.randomUUID().toString(), region, title, termStart, termEnd, PlanStatus.DRAFT, List.of(), null);
        plan.raise(new PlanEvent.PlanDrafted(plan.id, region, title, termStart, termEnd));
        return plan;
    }

    /** Adds a goal while the plan is a draft. */
    public Goal addGoal(GoalContent content) {
        requireDraft("goals can only be added to a draft plan");
        for (int i = 0; i < content.measures().size(); i++) {
            content.measures().get(i).check("measures[" + i + "]");
        }
        var goal = Goal.draft(content.withMeasureRegionsDefaultingTo(region));
        goals.add(goal);
        raise(new PlanEvent.GoalDrafted(id, goal.id(), region, goal.content()));
        return goal;
    }

    /**
     * The council's approval: the plan and all its goals become binding, announced by {@code plan.approved}
     * and one {@code goal.approved} per goal carrying what consumers need to know of it.
     */
    public void approve(Approval decision) {
        requireDraft("plan %s is already %s".formatted(id, status));
        if (goals.isEmpty()) {
            throw Problem.conflict("a plan without goals cannot be approved");
        }
        status = PlanStatus.APPROVED;
        approval = decision;
        raise(new PlanEvent.PlanApproved(
                id,
                region,
                title,
                termStart,
                termEnd,
                decision,
                goals.stream().map(Goal::id).toList()));
        for (Goal goal : goals) {
            goal.approve();
            raise(new PlanEvent.GoalApproved(id, goal.id(), region, termStart, termEnd, goal.content()));
        }
    }

    private void requireDraft(String otherwise) {
        if (status != PlanStatus.DRAFT) {
            throw Problem.conflict(otherwise);
        }
    }

    public Optional<Goal> goal(String goalId) {
        return goals.stream().filter(goal -> goal.id().equals(goalId)).findFirst();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    @Override
    public String region() {
        return region;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public int termStart() {
        return termStart;
    }

    public int termEnd() {
        return termEnd;
    }

    public PlanStatus status() {
        return status;
    }

    public List<Goal> goals() {
        return Collections.unmodifiableList(goals);
    }

    public Approval approval() {
        return approval;
    }
}
