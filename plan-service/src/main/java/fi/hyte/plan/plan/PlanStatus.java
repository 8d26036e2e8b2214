package fi.hyte.plan.plan;

/** Where a plan is in its life. */
public enum PlanStatus {
    DRAFT,
    APPROVED,
    CLOSED
}
