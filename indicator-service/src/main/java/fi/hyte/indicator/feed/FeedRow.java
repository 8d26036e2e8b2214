package fi.hyte.indicator.feed;

/**
 * A row of a feed as it was sent, every field as text, so that one bad row is rejected with a reason rather
 * than failing the whole feed.
 *
 * @param row 1-based position among the feed's data rows (a CSV header is not counted)
 * @param region Sotkanet region id
 * @param regionCode region code of the catalogue, instead of or besides {@code region}
 * @param unreadable why the row could not even be split into fields, else {@code null}
 */
public record FeedRow(
        int row,
        String indicator,
        String region,
        String regionCode,
        String year,
        String gender,
        String value,
        String absValue,
        String unreadable) {

    static FeedRow unreadable(int row, String reason) {
        return new FeedRow(row, null, null, null, null, null, null, null, reason);
    }
}
