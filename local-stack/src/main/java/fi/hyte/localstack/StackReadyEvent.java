package fi.hyte.localstack;

import fi.hyte.localstack.process.ChildStatus;
import java.time.Duration;
import java.util.List;

/**
 * Published once every component of the stack is healthy.
 *
 * @param startupTime from the start of the stack to now
 * @param components the status of each component at that moment
 */
public record StackReadyEvent(Duration startupTime, List<ChildStatus> components) {}
