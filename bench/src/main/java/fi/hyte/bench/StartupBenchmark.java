package fi.hyte.bench;

import fi.hyte.bench.stack.BenchStack;
import fi.hyte.bench.stack.HeapProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The zero-install run as the README starts it (the launcher's executable jar with its default settings, the demo
 * data included), in a fresh data directory: seconds until it prints {@code ready}, and the resident memory of the
 * launcher and all its child processes once the demo data is loaded.
 */
final class StartupBenchmark {

    private final Path repository;

    StartupBenchmark(Path repository) {
        this.repository = repository;
    }

    Result run() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(repository.resolve("local-stack/target"))) {
            jar = files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("build first: ./mvnw -DskipTests package"));
        }
        Path data = Files.createTempDirectory("hyte-startup");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java, "-jar", jar.toString(), "--hyte.local.repo-root=" + repository, "--hyte.local.data-dir=" + data));
        // free ports, so that a stack already running on the defaults does not matter
        command.addAll(BenchStack.Ports.free().arguments());
        long start = System.nanoTime();
        Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
        var ready = new CompletableFuture<Double>();
        var demo = new CompletableFuture<Void>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var lines =
                    new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains("ready in ")) {
                        ready.complete((System.nanoTime() - start) / 1e9);
                    }
                    if (line.contains("demo data: loaded")) {
                        demo.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        try {
            double seconds = ready.get(5, TimeUnit.MINUTES);
            demo.get(2, TimeUnit.MINUTES);
            long rss = HeapProbe.residentField(launcher.pid(), "VmRSS:");
            int processes = 1;
            for (ProcessHandle child : launcher.descendants().toList()) {
                rss += Math.max(0, HeapProbe.residentField(child.pid(), "VmRSS:"));
                processes++;
            }
            double gib = rss / (double) (1L << 30);
            return new Result(
                    "zero-install run",
                    "seconds to ready; total RSS GiB",
                    seconds,
                    Double.NaN,
                    Double.NaN,
                    "<= 60 s, <= 3 GiB",
                    seconds <= 60 && gib <= 3,
                    String.format(
                            Locale.ROOT,
                            "%.2f GiB RSS in %d processes after the demo data loaded (launcher jar, default flags)",
                            gib,
                            processes));
        } finally {
            launcher.destroy(); // SIGTERM: the launcher stops its children
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }
}
