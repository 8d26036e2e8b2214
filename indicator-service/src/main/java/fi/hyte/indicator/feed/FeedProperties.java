package fi.hyte.indicator.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How feeds are taken in and processed.
 *
 * @param maxBytes largest feed body; more is refused with 413. There is no row limit: rows are streamed into
 *     chunks as they are read, so memory does not grow with the feed.
 * @param chunkRows rows stored per chunk document, and written to the values per bulk write
 * @param chunksInFlight chunks whose events may await the broker's acknowledgement while the next chunks are
 *     applied (1: each chunk waits for its own before the next is read)
 * @param maxErrors rejected rows listed in a feed's status; the count covers them all
 * @param workers threads processing feeds submitted to this instance
 * @param sweepInterval how often an instance looks for feeds nobody is processing (left by a restart, a
 *     crash, or a full work queue) and for uploads abandoned half-way
 * @param lease how long a claim on a feed holds without renewal; a worker renews it with every chunk, and
 *     after it lapses another worker takes the feed up
 * @param maxAttempts claims after which a feed that keeps failing is given up as {@code FAILED}
 */
@ConfigurationProperties("hyte.feeds")
public record FeedProperties(
        @DefaultValue("64MB") DataSize maxBytes,
        @DefaultValue("2000") int chunkRows,
        @DefaultValue("4") int chunksInFlight,
        @DefaultValue("1000") int maxErrors,
        @DefaultValue("2") int workers,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("3") int maxAttempts) {}
