package fi.hyte.localstack.process;

/** Where a supervised child is in its life. */
public enum ChildState {
    /** Running, not yet healthy. */
    STARTING,
    /** Running and its health check has passed. */
    UP,
    /** Exited unexpectedly; a restart is scheduled. */
    RESTARTING,
    /** Not running and not meant to run. */
    STOPPED
}
