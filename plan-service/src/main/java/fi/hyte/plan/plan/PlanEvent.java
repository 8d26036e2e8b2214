package fi.hyte.plan.plan;

import fi.hyte.support.event.DomainEvent;
import java.util.List;

/**
 * Everything that happens to a plan and its goals, as published on {@code hyte.plan.events}. The record
 * components are the payload; its contract is {@code asyncapi.yaml} in this module's resources.
 */
public sealed interface PlanEvent extends DomainEvent {

    String planId();

    /** A plan was drafted for a region and council term. */
    record PlanDrafted(String planId, String region, String title, int termStart, int termEnd) implements PlanEvent {
        @Override
        public String type() {
            return "plan.drafted";
        }
    }

    /** A goal was added to a draft plan. */
    record GoalDrafted(String planId, String goalId, String region, GoalContent goal) implements PlanEvent {
        @Override
        public String type() {
            return "goal.drafted";
        }
    }

    /** The council approved the plan; one {@link GoalApproved} follows for each of {@code goalIds}. */
    record PlanApproved(
            String planId,
            String region,
            String title,
            int termStart,
            int termEnd,
            Approval approval,
            List<String> goalIds)
            implements PlanEvent {
        @Override
        public String type() {
            return "plan.approved";
        }
    }

    /** A goal became binding: actions may now be planned under it. */
    record GoalApproved(String planId, String goalId, String region, int termStart, int termEnd, GoalContent goal)
            implements PlanEvent {
        @Override
        public String type() {
            return "goal.approved";
        }
    }
}
