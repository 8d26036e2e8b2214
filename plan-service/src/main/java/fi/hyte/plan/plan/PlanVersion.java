package fi.hyte.plan.plan;

import java.util.List;

/**
 * An approved version of a plan, kept unchanged as it was approved: a mid-term revision works on the next
 * version while this one stays readable (and in force until the revision is approved).
 *
 * @param version 1 for the first approval, n+1 for the approval that ends the revision opened after n
 * @param approval the council decision that approved this version
 * @param goals the goals this version approved (retired goals are not part of it), with their content as
 *     approved
 */
public record PlanVersion(
        int version,
        Approval approval,
        String title,
        int termStart,
        int termEnd,
        List<Section> sections,
        List<String> organisations,
        List<ApprovedGoal> goals) {

    public PlanVersion {
        sections = sections == null ? List.of() : List.copyOf(sections);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** A goal as a version approved it. */
    public record ApprovedGoal(String id, GoalContent content) {}
}
