package fi.hyte.indicator.feed;

import fi.hyte.support.event.DomainEvent;
import java.util.List;

/**
 * What happens to a feed, as published on {@code hyte.indicator.events}, keyed by the feed id. The record
 * components are the payload; the contract is {@code asyncapi.yaml} in this module's resources.
 */
public sealed interface FeedEvent extends DomainEvent {

    String feedId();

    /**
     * A feed was stored and awaits processing.
     *
     * @param format {@code JSON} or {@code CSV}
     * @param rows number of data rows
     */
    record FeedAccepted(String feedId, String format, int rows) implements FeedEvent {
        @Override
        public String type() {
            return "feed.accepted";
        }
    }

    /**
     * A feed was processed; {@code accepted = changed + unchanged}, {@code rows = accepted + rejected}.
     *
     * @param changed rows that made a new or different value, each announced by {@code indicator.updated}
     * @param unchanged valid rows equal to the stored value
     * @param rejected invalid rows
     */
    record FeedCompleted(String feedId, int rows, int accepted, int changed, int unchanged, int rejected)
            implements FeedEvent {
        @Override
        public String type() {
            return "feed.completed";
        }
    }

    /**
     * A feed changed nothing: no row was valid, or processing kept failing.
     *
     * @param reason why, in a sentence
     * @param errors the first rejected rows, at most {@value Feed#ERRORS_IN_EVENT}
     */
    record FeedRejected(String feedId, int rows, int rejected, String reason, List<RowError> errors)
            implements FeedEvent {
        @Override
        public String type() {
            return "feed.rejected";
        }
    }
}
