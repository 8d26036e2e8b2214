package fi.hyte.plan.plan;

/**
 * Where a plan is in its life: {@code DRAFT} until the council approves it ({@code APPROVED}); a mid-term
 * {@code REVISION} works on the next version while the approved one stays in force, and ends with the next
 * approval; a {@code CLOSED} plan changes no more.
 */
public enum PlanStatus {
    DRAFT,
    APPROVED,
    REVISION,
    CLOSED
}
