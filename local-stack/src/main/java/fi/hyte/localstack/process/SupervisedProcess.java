package fi.hyte.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One child process kept alive: started, polled until healthy, restarted with backoff when it exits unexpectedly
 * (see {@link RestartPolicy}), and stopped gracefully (SIGTERM, then SIGKILL after the spec's stop timeout).
 *
 * <p>Thread-safe. State changes happen under one lock; the blocking parts (health checks, waiting for an exit) run
 * outside it.
 */
public final class SupervisedProcess {

    /** Starts the line written to the log before each start of the child. */
    static final String LOG_BANNER = "===== local-stack:";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration SETTLE = Duration.ofMillis(250);
    private static final Path POSIX_SHELL = Path.of("/bin/sh");

    private final ChildSpec spec;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> console;
    private final RestartPolicy policy = new RestartPolicy();
    private final Object lock = new Object();

    // Guarded by lock.
    private Process process;
    private boolean wanted;
    private boolean closed;
    private ScheduledFuture<?> pendingRestart;
    private ScheduledFuture<?> healthPoll;
    private long launchedAt;
    private long healthySince;
    private boolean healthy;
    private int exitsBeforeHealthy;
    private int restarts;
    private int lastExitCode;

    /**
     * @param spec what to run
     * @param scheduler runs health polls, exit handling and delayed restarts; should have a few threads, since
     *     health checks block for up to a few seconds
     * @param console where lifecycle lines ({@code "plan-service: up (14.2 s)"}) go
     */
    public SupervisedProcess(ChildSpec spec, ScheduledExecutorService scheduler, Consumer<String> console) {
        this.spec = spec;
        this.scheduler = scheduler;
        this.console = console;
    }

    public String name() {
        return spec.name();
    }

    public ChildSpec spec() {
        return spec;
    }

    /** Starts the child unless it is running, and keeps it running from now on. */
    public void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException(name() + " is shut down with the stack");
            }
            wanted = true;
            policy.reset();
            cancel(pendingRestart);
            pendingRestart = null;
            if (process != null && process.isAlive()) {
                return;
            }
            try {
                launch();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops the child gracefully and leaves it stopped. Blocks until it has exited. */
    public void stop() {
        Process current;
        synchronized (lock) {
            wanted = false;
            cancel(pendingRestart);
            pendingRestart = null;
            current = process;
        }
        if (current != null) {
            terminate(current);
        }
    }

    /** Stops gracefully, then starts again at once (no backoff). */
    public void restart() {
        stop();
        start();
    }

    /**
     * Kills the child with SIGKILL, like a crash, and returns once it is gone: the supervisor restarts it after the
     * backoff delay.
     */
    public void kill() throws InterruptedException {
        Process current;
        synchronized (lock) {
            current = process;
        }
        if (current != null) {
            current.destroyForcibly();
            current.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** From now on the child is never started again; it is not stopped (see {@link #close()}). */
    public void markClosing() {
        synchronized (lock) {
            closed = true;
            cancel(pendingRestart);
            pendingRestart = null;
        }
    }

    /** Stops the child for good. */
    public void close() {
        markClosing();
        stop();
    }

    public boolean isHealthy() {
        synchronized (lock) {
            return healthy && process != null && process.isAlive();
        }
    }

    /** Waits until the child is healthy; false on timeout. */
    public boolean awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isHealthy()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** How often the child exited since it was last healthy: a crash loop at startup shows here. */
    public int exitsBeforeHealthy() {
        synchronized (lock) {
            return exitsBeforeHealthy;
        }
    }

    public int lastExitCode() {
        synchronized (lock) {
            return lastExitCode;
        }
    }

    public ChildStatus status() {
        synchronized (lock) {
            boolean alive = process != null && process.isAlive();
            ChildState state;
            if (alive) {
                state = healthy ? ChildState.UP : ChildState.STARTING;
            } else {
                state = wanted && !closed ? ChildState.RESTARTING : ChildState.STOPPED;
            }
            return new ChildStatus(name(), spec.port(), alive ? process.pid() : -1, state, restarts, spec.logFile());
        }
    }

    // Called with the lock held.
    private void launch() throws IOException {
        cancel(healthPoll); // the previous incarnation's, if it exited before its exit was handled
        writeLogBanner();
        ProcessBuilder builder = new ProcessBuilder(ignoringCtrlC(spec.command()))
                .directory(spec.workingDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(spec.logFile().toFile()));
        builder.environment().putAll(spec.environment());
        Process started = builder.start();
        process = started;
        launchedAt = System.nanoTime();
        healthy = false;
        console.accept(name() + ": starting (pid " + started.pid() + ")");
        // Async: the JDK completes onExit on its process reaper thread, which has a tiny stack.
        started.onExit().thenAcceptAsync(this::exited, scheduler);
        long interval = POLL_INTERVAL.toMillis();
        healthPoll = scheduler.scheduleWithFixedDelay(() -> poll(started), interval, interval, TimeUnit.MILLISECONDS);
    }

    private void poll(Process polled) {
        synchronized (lock) {
            if (polled != process || healthy || !polled.isAlive()) {
                return;
            }
        }
        boolean up = spec.healthCheck().isHealthy(); // may block: outside the lock
        synchronized (lock) {
            if (up && polled == process && !healthy && polled.isAlive()) {
                healthy = true;
                healthySince = System.nanoTime();
                exitsBeforeHealthy = 0;
                cancel(healthPoll);
                console.accept(name() + ": up (" + Durations.since(launchedAt) + ")");
            }
        }
    }

    private void exited(Process exited) {
        synchronized (lock) {
            if (exited != process) {
                return; // an earlier incarnation, already replaced by start()
            }
            process = null;
            cancel(healthPoll);
            lastExitCode = exited.exitValue();
            Duration healthyFor = healthy ? Duration.ofNanos(System.nanoTime() - healthySince) : Duration.ZERO;
            boolean wasHealthy = healthy;
            healthy = false;
            if (!wanted || closed) {
                return; // stopped on purpose
            }
            if (!wasHealthy) {
                exitsBeforeHealthy++;
            }
            Duration delay = policy.nextDelay(healthyFor);
            int exitCode = lastExitCode;
            // A signal sent to the whole process group reaches the children as well as this JVM, and a child may
            // exit before this JVM's shutdown has told the supervisor: wait a moment before calling it a crash.
            pendingRestart = scheduler.schedule(
                    () -> confirmCrash(exitCode, delay.minus(SETTLE)), SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void confirmCrash(int exitCode, Duration remainingDelay) {
        synchronized (lock) {
            if (!wanted || closed || process != null) {
                return;
            }
            console.accept(name() + " exited with code " + exitCode + ", restarting in "
                    + Durations.format(remainingDelay.plus(SETTLE)));
            scheduleRestart(remainingDelay);
        }
    }

    // Called with the lock held.
    private void scheduleRestart(Duration delay) {
        pendingRestart = scheduler.schedule(this::restartAfterBackoff, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restartAfterBackoff() {
        synchronized (lock) {
            pendingRestart = null;
            if (!wanted || closed || process != null) {
                return;
            }
            restarts++;
            try {
                launch();
            } catch (IOException e) {
                Duration delay = policy.nextDelay(Duration.ZERO);
                console.accept(name() + " could not be started (" + e.getMessage() + "), retrying in "
                        + Durations.format(delay));
                scheduleRestart(delay);
            }
        }
    }

    private void terminate(Process target) {
        target.destroy(); // SIGTERM: Spring Boot and Kafka both shut down gracefully on it
        try {
            if (!target.waitFor(spec.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                console.accept(
                        name() + " did not stop within " + Durations.format(spec.stopTimeout()) + ", killing it");
                target.descendants().forEach(ProcessHandle::destroyForcibly);
                target.destroyForcibly();
                target.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            target.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // Called with the lock held. A header per start, since the log is appended to across restarts.
    private void writeLogBanner() throws IOException {
        List<String> shown = new ArrayList<>(spec.command());
        int cp = shown.indexOf("-cp");
        if (cp >= 0 && cp + 1 < shown.size()) {
            shown.set(cp + 1, "<" + shown.get(cp + 1).split(File.pathSeparator).length + " classpath entries>");
        }
        String banner = "%n%s %s starting %s: %s%n"
                .formatted(LOG_BANNER, OffsetDateTime.now(), name(), String.join(" ", shown));
        Files.writeString(spec.logFile(), banner, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Ctrl-C in a terminal sends SIGINT to the whole foreground process group, children included: they would all
     * stop at once, Kafka under the services' feet. Started with SIGINT ignored (a JVM keeps an ignored SIGINT
     * ignored), a child stops only when the supervisor sends it SIGTERM, in order. Needs a POSIX shell for the
     * {@code trap}; elsewhere the command runs as it is.
     */
    static List<String> ignoringCtrlC(List<String> command) {
        if (!Files.isExecutable(POSIX_SHELL)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(POSIX_SHELL.toString(), "-c", "trap '' INT; exec \"$@\"", "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
