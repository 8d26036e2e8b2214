package fi.hyte.indicator.feed;

import fi.hyte.indicator.value.Observation;
import fi.hyte.indicator.value.ValueKey;

/** The verdict on one row of a feed. */
sealed interface RowCheck {

    record Valid(ValueKey key, Observation observation) implements RowCheck {}

    /** @param reason names the offending fields, {@code ; }-separated when there are several */
    record Rejected(String reason) implements RowCheck {}
}
