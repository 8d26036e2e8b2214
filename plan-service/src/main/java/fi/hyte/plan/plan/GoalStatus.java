package fi.hyte.plan.plan;

/**
 * Where a goal is in its life: {@code DRAFT} until its plan is first approved with it, then {@code APPROVED}
 * (binding; it stays so while a revision changes it, until the revision is approved), or {@code RETIRED}
 * for good.
 */
public enum GoalStatus {
    DRAFT,
    APPROVED,
    RETIRED
}
