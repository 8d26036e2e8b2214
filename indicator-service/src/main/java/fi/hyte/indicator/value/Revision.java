package fi.hyte.indicator.value;

import java.time.Instant;

/**
 * A value an indicator value has had, oldest first; the last one is the current value.
 *
 * @param feedId the feed that brought it
 * @param row the feed's row that brought it (1-based)
 * @param at when it was recorded
 */
public record Revision(double value, Double absValue, String feedId, int row, Instant at) {}
