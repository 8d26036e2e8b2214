package fi.hyte.bench.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a service's used heap from its Prometheus endpoint while a benchmark runs, keeping the peak; and reads the
 * process's peak resident set ({@code VmHWM}) from {@code /proc} at the end.
 */
public final class HeapProbe implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI prometheus;
    private final String token;
    private final long pid;
    private final AtomicLong peak = new AtomicLong(-1);
    private final Thread sampler;
    private volatile boolean running = true;

    public HeapProbe(URI prometheus, String token, long pid) {
        this.prometheus = prometheus;
        this.token = token;
        this.pid = pid;
        this.sampler = Thread.ofPlatform().daemon().name("heap-probe").start(this::sample);
    }

    private void sample() {
        while (running) {
            long used = usedHeap();
            peak.accumulateAndGet(used, Math::max);
            try {
                // once a second: a Prometheus scrape with the latency histograms is not free, and at 4 a second it
                // was 17% of the measured service's CPU samples in one profile
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sum of {@code jvm_memory_used_bytes{area="heap"}} over the heap's pools, or -1 when it cannot be read. */
    private long usedHeap() {
        try {
            var request = HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(2));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            String body = http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            double sum = 0;
            boolean found = false;
            for (String line : body.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? (long) sum : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The highest used heap seen, in bytes (-1 if never read). */
    public long peakHeap() {
        return peak.get();
    }

    /** The process's peak resident set in bytes, or -1 where {@code /proc} has no such process. */
    public long peakResident() {
        return residentField(pid, "VmHWM:");
    }

    /** A {@code /proc/<pid>/status} memory field in bytes, or -1. */
    public static long residentField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception e) {
            // no such process or no /proc
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
