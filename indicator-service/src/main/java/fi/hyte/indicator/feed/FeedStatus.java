package fi.hyte.indicator.feed;

/** Where a feed is in its processing. */
public enum FeedStatus {
    /** Its body is being read and stored; not visible, and removed if the upload breaks off. */
    RECEIVING,
    /** Stored, waiting for a worker. */
    RECEIVED,
    /** A worker holds it (under a lease, after which another worker takes it up). */
    PROCESSING,
    /** Processed: at least one row was valid. */
    COMPLETED,
    /** No row was valid, or processing kept failing. */
    FAILED
}
