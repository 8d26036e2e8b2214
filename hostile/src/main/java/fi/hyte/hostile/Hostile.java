package fi.hyte.hostile;

import fi.hyte.hostile.stack.HostileStack;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hostile-input suite's command line.
 *
 * <ul>
 *   <li>no arguments: start a fresh stack, run every case (200 per operation at least), print the counts, exit 1 on
 *       any violation;
 *   <li>{@code --cases=N}: at least N cases per operation;
 *   <li>{@code --gateway=<url> --mongo=<uri>}: run against a stack already running (demo data loaded), as
 *       {@code --serve} prints;
 *   <li>{@code --serve}: only start a stack, print where it is and keep it until the process is stopped.
 * </ul>
 */
public final class Hostile {

    private Hostile() {}

    public static void main(String[] args) throws Exception {
        int cases = 200;
        String gateway = null;
        String mongo = null;
        boolean serve = false;
        for (String arg : args) {
            if (arg.startsWith("--cases=")) {
                cases = Integer.parseInt(arg.substring("--cases=".length()));
            } else if (arg.startsWith("--gateway=")) {
                gateway = arg.substring("--gateway=".length());
            } else if (arg.startsWith("--mongo=")) {
                mongo = arg.substring("--mongo=".length());
            } else if (arg.equals("--serve")) {
                serve = true;
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (serve) {
            try (HostileStack stack = HostileStack.start(repositoryRoot())) {
                System.out.println("serving --gateway=" + stack.gateway() + " --mongo=" + stack.mongoUri());
                Thread.sleep(Long.MAX_VALUE);
            }
            return;
        }
        Suite.Result result;
        if (gateway != null && mongo != null) {
            result = Suite.run(gateway, mongo, cases);
        } else {
            try (HostileStack stack = HostileStack.start(repositoryRoot())) {
                result = Suite.run(stack.gateway(), stack.mongoUri(), cases);
            }
        }
        System.out.println(result.table());
        System.exit(result.violations().isEmpty() ? 0 : 1);
    }

    /** The directory holding {@code mvnw}, at or above the working directory. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run inside the Hyte repository");
        }
        return dir;
    }
}
