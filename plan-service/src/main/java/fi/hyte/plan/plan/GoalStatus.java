package fi.hyte.plan.plan;

/** Where a goal is in its life: binding once its plan is approved. */
public enum GoalStatus {
    DRAFT,
    APPROVED,
    RETIRED
}
