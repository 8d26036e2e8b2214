package fi.hyte.localstack;

import fi.hyte.localstack.kafka.KafkaBroker;
import fi.hyte.localstack.mongo.MongoWireServer;
import fi.hyte.localstack.process.ChildSpec;
import fi.hyte.localstack.process.ChildState;
import fi.hyte.localstack.process.ChildStatus;
import fi.hyte.localstack.process.Durations;
import fi.hyte.localstack.process.LogTail;
import fi.hyte.localstack.process.SupervisedProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The whole local stack: the issuer (this JVM's web server), the Mongo wire server (in this JVM), the Kafka broker
 * and the services (child JVMs, supervised).
 *
 * <p>As a {@link SmartLifecycle} in the last phase it starts after the web server, so the issuer is up first, and
 * stops before it. {@link #start()} returns at once: the startup runs on its own thread, so that closing the context
 * (Ctrl-C) can cancel it. Wait for it with {@link #awaitReady(Duration)} or listen for {@link StackReadyEvent}.
 *
 * <p>For fault tests, each child can be {@linkplain #kill(String) killed} (the supervisor restarts it),
 * {@linkplain #stop(String) stopped}, {@linkplain #start(String) started} and {@linkplain #restart(String)
 * restarted} by name: {@code kafka}, {@code plan-service}, {@code action-service}, {@code indicator-service},
 * {@code report-service}, {@code gateway}.
 */
public class LocalStack implements SmartLifecycle {

    /** After a child exits this many times without ever becoming healthy, startup gives up instead of waiting on. */
    private static final int CRASHES_BEFORE_GIVING_UP = 3;

    private static final int LOG_TAIL_LINES = 30;

    private final LocalStackProperties properties;
    private final StackLayout layout;
    private final ApplicationEventPublisher events;
    private final Console console;
    private final ServiceCatalog catalog;
    private final MongoWireServer mongo;
    private final KafkaBroker kafka;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<StackReadyEvent> ready = new CompletableFuture<>();
    private final Thread shutdownHook = new Thread(this::markClosing, "local-stack-shutdown");

    // Guarded by this. Children are added in start order, which is also the order of the status table.
    private final Map<String, SupervisedProcess> children = new LinkedHashMap<>();
    private boolean running;
    private boolean stopped;
    private Thread startupThread;

    LocalStack(LocalStackProperties properties, StackLayout layout, ApplicationEventPublisher events, Console console) {
        this.properties = properties;
        this.layout = layout;
        this.events = events;
        this.console = console;
        this.catalog = new ServiceCatalog(properties, layout);
        this.mongo = new MongoWireServer(layout.mongoFile(), properties.mongoPort());
        this.kafka = new KafkaBroker(
                properties.kafkaPort(),
                properties.kafkaControllerPort(),
                layout.kafkaDir(),
                layout.logFile(KafkaBroker.NAME),
                properties.kafkaJvmOptions());
        // Health checks block for up to a few seconds each, so more than one thread.
        this.scheduler = Executors.newScheduledThreadPool(
                4, Thread.ofPlatform().name("local-stack-", 1).daemon().factory());
    }

    // ---- Waiting for the stack --------------------------------------------------------------------------------

    /**
     * Waits until every component is healthy.
     *
     * @throws StackStartupException if the startup failed (the stack has then been stopped)
     * @throws IllegalStateException on timeout, or if the stack was stopped before it was ready
     */
    public StackReadyEvent awaitReady(Duration timeout) throws InterruptedException {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The local stack was not ready within " + Durations.format(timeout));
        } catch (CancellationException e) {
            throw new IllegalStateException("The local stack was stopped before it was ready");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StackStartupException failure) {
                throw failure;
            }
            throw new IllegalStateException("The local stack was stopped before it was ready", e.getCause());
        }
    }

    /** True once every component has been healthy (even if one has crashed since). */
    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Waits for the startup to end: the failure if it failed; empty once ready or stopped. */
    Optional<StackStartupException> awaitStartup() throws InterruptedException {
        try {
            ready.get();
            return Optional.empty();
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return e.getCause() instanceof StackStartupException failure ? Optional.of(failure) : Optional.empty();
        }
    }

    // ---- Controlling one child, for fault tests ---------------------------------------------------------------

    /** The status of every component: issuer, mongo, kafka, then the services. */
    public List<ChildStatus> status() {
        long pid = ProcessHandle.current().pid();
        List<ChildStatus> all = new ArrayList<>();
        all.add(new ChildStatus(
                "issuer", properties.authPort(), pid, isRunning() ? ChildState.UP : ChildState.STOPPED, 0, null));
        all.add(new ChildStatus(
                "mongo",
                properties.mongoPort(),
                pid,
                mongo.isRunning() ? ChildState.UP : ChildState.STOPPED,
                0,
                layout.logFile("mongo")));
        synchronized (this) {
            children.values().forEach(child -> all.add(child.status()));
        }
        return all;
    }

    public ChildStatus status(String name) {
        return status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> unknownChild(name));
    }

    /**
     * Kills the child with SIGKILL, like a crash, and returns once it is gone; the supervisor restarts it after its
     * backoff delay.
     */
    public void kill(String name) throws InterruptedException {
        child(name).kill();
    }

    /** Stops the child gracefully and leaves it stopped. */
    public void stop(String name) {
        child(name).stop();
    }

    /** Starts a child stopped with {@link #stop(String)}. */
    public void start(String name) {
        child(name).start();
    }

    /** Stops the child gracefully and starts it again at once. */
    public void restart(String name) {
        child(name).restart();
    }

    /** Waits until the child is healthy; false on timeout. */
    public boolean awaitHealthy(String name, Duration timeout) throws InterruptedException {
        return child(name).awaitHealthy(timeout);
    }

    public LocalStackProperties properties() {
        return properties;
    }

    public StackLayout layout() {
        return layout;
    }

    // ---- Lifecycle ---------------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running || stopped) {
            return;
        }
        running = true;
        // Should a signal reach the children too (sent to the whole process group, or where they cannot be started
        // ignoring Ctrl-C), their exits must not be taken for crashes from the first moment of shutdown on, even
        // before the context gets round to stop().
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        startupThread = Thread.ofPlatform().name("local-stack-startup").start(this::startUp);
    }

    /** Stops the services (in parallel), then Kafka, then Mongo. Blocks until all have exited. */
    @Override
    public void stop() {
        List<SupervisedProcess> toStop = beginStop();
        if (toStop != null) {
            tearDown(toStop);
            ready.cancel(false); // wakes whoever waits for a startup that will not finish; no effect once ready
        }
    }

    /** Marks the stack as stopping, once: the children to stop, or null if it was stopping already. */
    private List<SupervisedProcess> beginStop() {
        synchronized (this) {
            if (!running) {
                return null;
            }
            running = false;
            stopped = true;
            List<SupervisedProcess> all = new ArrayList<>(children.values());
            all.forEach(SupervisedProcess::markClosing);
            if (Thread.currentThread() != startupThread) {
                startupThread.interrupt();
            }
            return all;
        }
    }

    private void tearDown(List<SupervisedProcess> toStop) {
        long start = System.nanoTime();
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            toStop.stream()
                    .filter(child -> !child.name().equals(KafkaBroker.NAME))
                    .forEach(child -> stopping.submit(child::close));
        } // close() waits until every service has exited
        toStop.stream().filter(child -> child.name().equals(KafkaBroker.NAME)).forEach(SupervisedProcess::close);
        mongo.close();
        scheduler.shutdownNow();
        removeShutdownHook();
        console.line("local stack stopped (" + Durations.since(start) + ")");
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    // ---- Startup -----------------------------------------------------------------------------------------------

    private void startUp() {
        long start = System.nanoTime();
        try {
            console.line("data: " + layout.dataDir() + (properties.fresh() ? " (fresh: deleted first)" : ""));
            console.line("issuer: up on " + properties.issuerUri());
            List<ChildSpec> services = catalog.specs(); // fails fast on a missing jar
            checkPortsFree(services);

            console.line("mongo: starting");
            long mongoStart = System.nanoTime();
            synchronized (this) {
                checkRunning();
                mongo.start();
            }
            console.line("mongo: up on localhost:" + properties.mongoPort() + " (" + Durations.since(mongoStart) + ")");

            if (!kafka.isFormatted()) {
                console.line("kafka: formatting storage in " + layout.display(layout.kafkaDir()));
            }
            prepareKafka();
            awaitHealthy(List.of(launch(kafka.childSpec())));

            List<SupervisedProcess> started = new ArrayList<>();
            for (ChildSpec service : services) {
                started.add(launch(service));
            }
            awaitHealthy(started);

            StackReadyEvent event = new StackReadyEvent(Duration.ofNanos(System.nanoTime() - start), status());
            console.summary(event.components(), layout, tokenUri());
            console.line("ready in "
                    + Durations.format(Duration.ofSeconds(event.startupTime().toSeconds())));
            ready.complete(event);
            events.publishEvent(event);
        } catch (StackStartupException e) {
            fail(e);
        } catch (InterruptedException | CancellationException e) {
            ready.cancel(false); // stop() interrupted us
        } catch (RuntimeException e) {
            fail(new StackStartupException("local-stack", "Startup failed: " + e, null, List.of()));
        }
    }

    /** Tears the stack down, then reports the failure: whoever waits for it finds no process left behind. */
    private void fail(StackStartupException failure) {
        List<SupervisedProcess> toStop = beginStop();
        if (toStop == null) {
            ready.cancel(false); // stop() was called: the failure is a consequence of stopping
            return;
        }
        console.failure(failure);
        tearDown(toStop);
        ready.completeExceptionally(failure);
    }

    private void prepareKafka() throws InterruptedException {
        try {
            kafka.prepare();
        } catch (IOException e) {
            Path log = layout.logFile(KafkaBroker.NAME);
            throw new StackStartupException(
                    KafkaBroker.NAME, e.getMessage(), log, LogTail.lastLines(log, LOG_TAIL_LINES));
        }
    }

    private SupervisedProcess launch(ChildSpec spec) {
        synchronized (this) {
            checkRunning(); // once stop() has begun, nothing new may start, or it would be orphaned
            SupervisedProcess child = new SupervisedProcess(spec, scheduler, console::line);
            children.put(spec.name(), child);
            child.start();
            return child;
        }
    }

    private void awaitHealthy(List<SupervisedProcess> starting) throws InterruptedException {
        long deadline = System.nanoTime() + properties.healthTimeout().toNanos();
        while (!starting.stream().allMatch(SupervisedProcess::isHealthy)) {
            for (SupervisedProcess child : starting) {
                if (child.exitsBeforeHealthy() >= CRASHES_BEFORE_GIVING_UP) {
                    throw failure(
                            child,
                            child.name() + " exited " + child.exitsBeforeHealthy()
                                    + " times without becoming healthy (last exit code " + child.lastExitCode()
                                    + ")");
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                SupervisedProcess late = starting.stream()
                        .filter(child -> !child.isHealthy())
                        .findFirst()
                        .orElseThrow();
                throw failure(
                        late,
                        late.name() + " did not become healthy within " + Durations.format(properties.healthTimeout()));
            }
            Thread.sleep(200);
        }
    }

    private StackStartupException failure(SupervisedProcess child, String message) {
        return new StackStartupException(
                child.name(),
                message,
                child.spec().logFile(),
                LogTail.explainLastRun(child.spec().logFile(), LOG_TAIL_LINES));
    }

    /** A taken port would otherwise show up as a crash loop with the reason buried in a log. */
    private void checkPortsFree(List<ChildSpec> services) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(properties.authPort(), "issuer");
        claim(ports, properties.mongoPort(), "mongo");
        claim(ports, properties.kafkaPort(), KafkaBroker.NAME);
        claim(ports, properties.kafkaControllerPort(), "kafka controller (kafka-port + 1)");
        services.forEach(service -> claim(ports, service.port(), service.name()));
        ports.forEach((port, name) -> {
            if (port == properties.authPort()) {
                return; // this JVM's web server has it
            }
            try (ServerSocket probe = new ServerSocket(port)) {
                // free
            } catch (IOException e) {
                throw new StackStartupException(
                        name,
                        "Port " + port + " (" + name + ") is in use. Is another local stack still running? Find the"
                                + " owner with: ss -ltnp 'sport = :" + port + "' (or lsof -i :" + port + ")");
            }
        });
    }

    private static void claim(Map<Integer, String> ports, int port, String name) {
        String other = ports.putIfAbsent(port, name);
        if (other != null) {
            throw new StackStartupException(name, "Port " + port + " is configured for both " + other + " and " + name);
        }
    }

    private String tokenUri() {
        return (properties.services().contains("gateway")
                        ? "http://localhost:" + properties.gatewayPort()
                        : properties.issuerUri())
                + "/oauth2/token";
    }

    private void checkRunning() {
        if (!running) {
            throw new CancellationException("stopping");
        }
    }

    private void markClosing() {
        List<SupervisedProcess> all;
        synchronized (this) {
            all = new ArrayList<>(children.values());
        }
        all.forEach(SupervisedProcess::markClosing);
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already: the hook has run or is running.
        }
    }

    private synchronized SupervisedProcess child(String name) {
        SupervisedProcess child = children.get(name);
        if (child == null) {
            throw unknownChild(name);
        }
        return child;
    }

    private IllegalArgumentException unknownChild(String name) {
        synchronized (this) {
            return new IllegalArgumentException(
                    "No child process '" + name + "'; there are: " + String.join(", ", children.keySet()));
        }
    }
}
