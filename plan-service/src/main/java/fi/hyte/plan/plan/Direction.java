package fi.hyte.plan.plan;

/** Which way an indicator should move for a goal to be reached. */
public enum Direction {
    DECREASE,
    INCREASE
}
