package fi.hyte.indicator.value;

/**
 * A figure a feed brings for a key.
 *
 * @param value the primary value (Sotkanet's {@code value}, or its {@code absValue} when a row has no primary
 *     value)
 * @param absValue the absolute number behind it, if the source gives one
 */
public record Observation(double value, Double absValue) {}
