package fi.hyte.localstack;

import java.nio.file.Path;
import java.util.List;

/** The stack could not be started: a service jar is missing, a port is taken, or a component did not come up. */
public class StackStartupException extends RuntimeException {

    private final String component;
    private final Path logFile;
    private final List<String> logTail;

    StackStartupException(String component, String message) {
        this(component, message, null, List.of());
    }

    StackStartupException(String component, String message, Path logFile, List<String> logTail) {
        super(message);
        this.component = component;
        this.logFile = logFile;
        this.logTail = List.copyOf(logTail);
    }

    /** The component that failed ({@code kafka}, {@code plan-service}, ...). */
    public String component() {
        return component;
    }

    /** Its log file, or null. */
    public Path logFile() {
        return logFile;
    }

    /** The last lines of its log when it failed. */
    public List<String> logTail() {
        return logTail;
    }
}
