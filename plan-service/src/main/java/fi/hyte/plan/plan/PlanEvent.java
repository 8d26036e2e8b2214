package fi.hyte.plan.plan;

import fi.hyte.support.event.DomainEvent;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything that happens to a plan and its goals, as published on {@code hyte.plan.events}. The record
 * components are the payload; its contract is {@code asyncapi.yaml} in this module's resources. Payloads
 * only ever grow: consumers read them tolerantly.
 *
 * <p>Each event also says what it changed in a sentence ({@link #describe()}, not part of the payload), which
 * the plan's history keeps.
 */
public sealed interface PlanEvent extends DomainEvent {

    String planId();

    /** The goal the event concerns, if any. */
    default String goalId() {
        return null;
    }

    /** What changed, in a sentence, for the plan's history. Not published. */
    String describe();

    /** A plan was drafted for a region and council term. */
    record PlanDrafted(
            String planId,
            String region,
            String title,
            int termStart,
            int termEnd,
            List<Section> sections,
            List<String> organisations)
            implements PlanEvent {
        @Override
        public String type() {
            return "plan.drafted";
        }

        @Override
        public String describe() {
            return "Plan '%s' drafted for %s, term %d-%d".formatted(title, region, termStart, termEnd);
        }
    }

    /**
     * The plan's own details (title, term, sections, organisations) were revised while it was a draft or
     * under revision.
     *
     * @param changed names of the fields that changed
     */
    record PlanRevised(
            String planId,
            String region,
            String title,
            int termStart,
            int termEnd,
            List<Section> sections,
            List<String> organisations,
            List<String> changed)
            implements PlanEvent {
        @Override
        public String type() {
            return "plan.revised";
        }

        @Override
        public String describe() {
            return "Plan details revised: " + String.join(", ", changed);
        }
    }

    /** A goal was added to a draft plan or to a plan under revision. */
    record GoalDrafted(String planId, String goalId, String region, GoalContent goal) implements PlanEvent {
        @Override
        public String type() {
            return "goal.drafted";
        }

        @Override
        public String describe() {
            return "Goal '%s' drafted".formatted(goal.title());
        }
    }

    /**
     * A goal's content was revised. For a goal already approved (during a revision of the plan) the approved
     * content stays in force until the next {@code goal.approved}.
     *
     * @param status the goal's status after the change ({@code DRAFT} or {@code APPROVED})
     * @param changed names of the fields that changed
     */
    record GoalRevised(
            String planId, String goalId, String region, GoalContent goal, GoalStatus status, List<String> changed)
            implements PlanEvent {
        @Override
        public String type() {
            return "goal.revised";
        }

        @Override
        public String describe() {
            return "Goal '%s' revised: %s".formatted(goal.title(), String.join(", ", changed));
        }
    }

    /**
     * The council approved the plan (again, after a revision); one {@link GoalApproved} follows for each of
     * {@code goalIds}.
     *
     * @param planVersion the version this approval makes binding: 1, then n+1 after each revision
     */
    record PlanApproved(
            String planId,
            String region,
            String title,
            int termStart,
            int termEnd,
            Approval approval,
            List<String> goalIds,
            int planVersion)
            implements PlanEvent {
        @Override
        public String type() {
            return "plan.approved";
        }

        @Override
        public String describe() {
            return "Version %d approved by %s on %s (%s) with %d goals"
                    .formatted(
                            planVersion,
                            approval.decisionBody(),
                            approval.decisionDate(),
                            approval.reference(),
                            goalIds.size());
        }
    }

    /**
     * A goal became binding, or stays binding with the content of a newly approved version: actions may be
     * planned under it. Raised for every goal that is not retired at every approval of the plan.
     */
    record GoalApproved(
            String planId, String goalId, String region, int termStart, int termEnd, GoalContent goal, int planVersion)
            implements PlanEvent {
        @Override
        public String type() {
            return "goal.approved";
        }

        @Override
        public String describe() {
            return "Goal '%s' approved in version %d".formatted(goal.title(), planVersion);
        }
    }

    /** A goal was retired for good: no further actions under it. */
    record GoalRetired(String planId, String goalId, String region, String title, String reason) implements PlanEvent {
        @Override
        public String type() {
            return "goal.retired";
        }

        @Override
        public String describe() {
            return "Goal '%s' retired: %s".formatted(title, reason);
        }
    }

    /**
     * A mid-term revision of an approved plan was opened: version {@code planVersion} is being prepared while
     * version {@code planVersion - 1} stays in force.
     */
    record PlanRevisionOpened(String planId, String region, int planVersion, String reason) implements PlanEvent {
        @Override
        public String type() {
            return "plan.revision-opened";
        }

        @Override
        public String describe() {
            return "Revision opened towards version %d: %s".formatted(planVersion, reason);
        }
    }

    /**
     * The plan was closed; it changes no more.
     *
     * @param approvedVersion the last approved version, {@code null} if the plan was never approved
     */
    record PlanClosed(String planId, String region, String reason, Integer approvedVersion) implements PlanEvent {
        @Override
        public String type() {
            return "plan.closed";
        }

        @Override
        public String describe() {
            return reason == null ? "Plan closed" : "Plan closed: " + reason;
        }
    }

    /** A HYTE negotiation about the plan was recorded. */
    record NegotiationRecorded(
            String planId,
            String negotiationId,
            String region,
            LocalDate date,
            List<String> parties,
            String summary,
            List<String> agreedGoals)
            implements PlanEvent {
        @Override
        public String type() {
            return "negotiation.recorded";
        }

        @Override
        public String describe() {
            return "HYTE negotiation of %s recorded with %s; %d goals agreed"
                    .formatted(date, String.join(", ", parties), agreedGoals.size());
        }
    }
}
