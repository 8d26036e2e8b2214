package fi.hyte.localstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run one child process.
 *
 * @param name short name used on the console and in {@code LocalStack#kill(String)} and friends
 * @param port the port it serves, for the status table
 * @param command the full command line
 * @param environment variables added to (and overriding) the launcher's own environment
 * @param workingDir the child's working directory
 * @param logFile where stdout and stderr are appended
 * @param healthCheck when the child counts as up
 * @param stopTimeout how long a graceful stop (SIGTERM) may take before the child is killed
 */
public record ChildSpec(
        String name,
        int port,
        List<String> command,
        Map<String, String> environment,
        Path workingDir,
        Path logFile,
        HealthCheck healthCheck,
        Duration stopTimeout) {

    public ChildSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
