package fi.hyte.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Two ways to load an HTTP endpoint: as many requests as N clients can make, and a constant arrival rate. */
public final class Load {

    private Load() {}

    /** What a closed-loop run achieved. */
    public record Throughput(double perSecond, long ok, long failed) {}

    /** What a constant-arrival run saw: latency from each request's intended start, so waiting counts too. */
    public record Latency(double rate, Histogram histogram, long failed) {

        public double p50Millis() {
            return histogram.getValueAtPercentile(50) / 1e3;
        }

        public double p99Millis() {
            return histogram.getValueAtPercentile(99) / 1e3;
        }

        public double p999Millis() {
            return histogram.getValueAtPercentile(99.9) / 1e3;
        }
    }

    /** {@code clients} virtual threads sending back to back for {@code duration}, after as long a warm-up. */
    public static Throughput closedLoop(
            HttpClient http, Supplier<HttpRequest> request, int clients, Duration warmUp, Duration duration)
            throws InterruptedException {
        run(http, request, clients, warmUp, new AtomicLong(), new AtomicLong());
        var ok = new AtomicLong();
        var failed = new AtomicLong();
        long start = System.nanoTime();
        run(http, request, clients, duration, ok, failed);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(ok.get() / seconds, ok.get(), failed.get());
    }

    private static void run(
            HttpClient http,
            Supplier<HttpRequest> request,
            int clients,
            Duration duration,
            AtomicLong ok,
            AtomicLong failed)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.execute(() -> {
                    while (System.nanoTime() < end) {
                        (send(http, request.get()) ? ok : failed).incrementAndGet();
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        }
    }

    /**
     * Requests at {@code rate} per second for {@code duration}, each on its own virtual thread so that a slow answer
     * never delays the next request; each latency is counted from when the request was due (no coordinated omission).
     */
    public static Latency constantArrival(
            HttpClient http, Supplier<HttpRequest> request, double rate, Duration warmUp, Duration duration)
            throws InterruptedException {
        arrive(http, request, rate, warmUp, new Recorder(3), new AtomicLong());
        var recorder = new Recorder(3);
        var failed = new AtomicLong();
        arrive(http, request, rate, duration, recorder, failed);
        return new Latency(rate, recorder.getIntervalHistogram(), failed.get());
    }

    private static void arrive(
            HttpClient http,
            Supplier<HttpRequest> request,
            double rate,
            Duration duration,
            Recorder recorder,
            AtomicLong failed)
            throws InterruptedException {
        long interval = (long) (1e9 / rate);
        long count = (long) (duration.toNanos() / (double) interval);
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                threads.execute(() -> {
                    boolean ok = send(http, request.get());
                    recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        }
    }

    private static boolean send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
