package fi.hyte.indicator.value;

/** What recording an observation did to the stored value. */
public enum Outcome {
    /** The value is new or different: stored, with a revision and an {@code indicator.updated} event. */
    CHANGED,
    /** Equal to the stored value, or already recorded from the same feed row: nothing stored, nothing raised. */
    UNCHANGED
}
