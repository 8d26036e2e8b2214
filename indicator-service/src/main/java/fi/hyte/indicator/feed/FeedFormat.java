package fi.hyte.indicator.feed;

/** How a feed was sent: Sotkanet's JSON rows or its {@code ;}-separated CSV. */
public enum FeedFormat {
    JSON,
    CSV
}
