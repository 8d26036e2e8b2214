package fi.hyte.indicator.feed;

/**
 * Why a row of a feed was rejected.
 *
 * @param row 1-based position among the feed's data rows
 * @param reason names the offending field, e.g. {@code gender: 'other' is not one of male, female, total}
 */
public record RowError(int row, String reason) {}
