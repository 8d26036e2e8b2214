package fi.hyte.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.localstack.testing.FakeService;
import fi.hyte.localstack.testing.TestJars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedProcessIT {

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final int port = TestJars.freePort();
    private SupervisedProcess child;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void reportsTheChildUpOnceItsHealthCheckPasses() throws Exception {
        child = supervise(Map.of(), Duration.ofSeconds(10));

        child.start();

        assertThat(child.awaitHealthy(Duration.ofSeconds(30))).isTrue();
        assertThat(child.status().state()).isEqualTo(ChildState.UP);
        assertThat(child.status().pid()).isPositive();
        assertThat(console).anyMatch(line -> line.matches("fake: up \\(.* s\\)"));
        assertThat(dir.resolve("fake.log")).content().contains("starting fake", "fake: listening on " + port);
    }

    @Test
    void restartsAKilledChildAndSaysSo() throws Exception {
        child = supervise(Map.of(), Duration.ofSeconds(10));
        child.start();
        child.awaitHealthy(Duration.ofSeconds(30));
        long firstPid = child.status().pid();

        child.kill();

        await().atMost(Duration.ofSeconds(30)).until(() -> child.status().restarts() == 1 && child.isHealthy());
        assertThat(console).contains("fake exited with code 137, restarting in 1 s");
        assertThat(child.status().pid()).isNotEqualTo(firstPid);
        assertThat(ProcessHandle.of(firstPid)).isEmpty();
    }

    @Test
    void backsOffWhileAChildKeepsCrashingAtStartup() {
        child = supervise(Map.of("FAKE_EXIT_CODE", "3"), Duration.ofSeconds(10));

        child.start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> console.contains("fake exited with code 3, restarting in 4 s"));
        assertThat(child.exitsBeforeHealthy()).isGreaterThanOrEqualTo(3);
        assertThat(console)
                .containsSubsequence(
                        "fake exited with code 3, restarting in 1 s",
                        "fake exited with code 3, restarting in 2 s",
                        "fake exited with code 3, restarting in 4 s");
        assertThat(child.isHealthy()).isFalse();
    }

    @Test
    void leavesAStoppedChildStopped() throws Exception {
        child = supervise(Map.of(), Duration.ofSeconds(10));
        child.start();
        child.awaitHealthy(Duration.ofSeconds(30));
        long pid = child.status().pid();

        child.stop();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        Thread.sleep(1500); // longer than the first backoff delay
        assertThat(child.status().state()).isEqualTo(ChildState.STOPPED);
        assertThat(console).noneMatch(line -> line.contains("restarting"));
    }

    @Test
    void startsAStoppedChildAgain() throws Exception {
        child = supervise(Map.of(), Duration.ofSeconds(10));
        child.start();
        child.awaitHealthy(Duration.ofSeconds(30));
        child.stop();

        child.start();

        assertThat(child.awaitHealthy(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void leavesCtrlCToTheSupervisorSoThatChildrenStopInOrder() throws Exception {
        child = supervise(Map.of(), Duration.ofSeconds(10));
        child.start();
        child.awaitHealthy(Duration.ofSeconds(30));
        long pid = child.status().pid();

        // What the terminal does to every process of its foreground group on Ctrl-C.
        new ProcessBuilder("kill", "-INT", String.valueOf(pid)).start().waitFor();
        Thread.sleep(1000);

        assertThat(ProcessHandle.of(pid)).isPresent();
        assertThat(child.status().state()).isEqualTo(ChildState.UP);
    }

    @Test
    void killsAChildThatIgnoresSigtermAfterTheStopTimeout() throws Exception {
        child = supervise(Map.of("FAKE_IGNORE_SIGTERM", "true"), Duration.ofSeconds(1));
        child.start();
        child.awaitHealthy(Duration.ofSeconds(30));
        long pid = child.status().pid();

        long start = System.nanoTime();
        child.stop();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(7));
        assertThat(console).contains("fake did not stop within 1 s, killing it");
    }

    private SupervisedProcess supervise(Map<String, String> extraEnvironment, Duration stopTimeout) {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("SERVER_PORT", String.valueOf(port));
        ChildSpec spec = new ChildSpec(
                "fake",
                port,
                List.of(JavaCommand.javaBinary(), "-cp", TestJars.testClasspath(), FakeService.class.getName()),
                environment,
                dir,
                dir.resolve("fake.log"),
                HttpHealthCheck.actuator(port),
                stopTimeout);
        return new SupervisedProcess(spec, scheduler, console::add);
    }
}
