package fi.hyte.indicator.feed.web;

import fi.hyte.indicator.feed.Feed;
import fi.hyte.indicator.feed.FeedFormat;
import fi.hyte.indicator.feed.FeedStatus;
import java.time.Instant;
import java.util.List;

/** Response bodies of the feed API, and the one place that maps feeds to them. */
final class FeedViews {

    private FeedViews() {}

    /**
     * A feed's progress. {@code rows = accepted + rejected} and {@code accepted = changed + unchanged} once
     * processed.
     *
     * @param errors the first rejected rows (at most {@code hyte.feeds.max-errors})
     * @param errorsOmitted rejected rows not listed in {@code errors}
     * @param failure why a {@code FAILED} feed failed
     */
    record FeedView(
            String id,
            FeedStatus status,
            FeedFormat format,
            String submittedBy,
            Instant receivedAt,
            Instant completedAt,
            int rows,
            int accepted,
            int changed,
            int unchanged,
            int rejected,
            List<ErrorView> errors,
            int errorsOmitted,
            String failure) {}

    record ErrorView(int row, String reason) {}

    static FeedView of(Feed feed) {
        return new FeedView(
                feed.id(),
                feed.status(),
                feed.format(),
                feed.submittedBy(),
                feed.receivedAt(),
                feed.completedAt(),
                feed.rows(),
                feed.accepted(),
                feed.changed(),
                feed.unchanged(),
                feed.rejected(),
                feed.errors().stream()
                        .map(error -> new ErrorView(error.row(), error.reason()))
                        .toList(),
                feed.rejected() - feed.errors().size(),
                feed.failure());
    }
}
