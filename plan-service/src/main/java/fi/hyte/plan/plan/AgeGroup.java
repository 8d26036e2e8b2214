package fi.hyte.plan.plan;

/** The sub-plans of a regional welfare plan: children and youth, working-age, elderly, or everyone. */
public enum AgeGroup {
    CHILDREN_AND_YOUTH,
    WORKING_AGE,
    ELDERLY,
    ALL
}
