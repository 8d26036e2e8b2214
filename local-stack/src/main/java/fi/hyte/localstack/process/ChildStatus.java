package fi.hyte.localstack.process;

import java.nio.file.Path;

/**
 * A snapshot of one child.
 *
 * @param name the child's name
 * @param port the port it serves
 * @param pid its process id, or -1 when not running
 * @param state where it is in its life
 * @param restarts how many times the supervisor has restarted it after an unexpected exit
 * @param logFile where its output goes
 */
public record ChildStatus(String name, int port, long pid, ChildState state, int restarts, Path logFile) {}
