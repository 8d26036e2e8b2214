package fi.hyte.bench.report;

import fi.hyte.bench.Result;
import fi.hyte.bench.stack.Api;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * G4: an event committed -> visible on the Server-Sent Events stream through the gateway. Feeds arrive at a constant
 * rate (each changes every value it carries, so each row is one {@code indicator.updated}); a dashboard-like client
 * subscribed to {@code /api/events?region=} records, for every {@code indicator.updated} it receives, the time since
 * the event's {@code occurredAt} (stamped when the value and its event were saved). Same machine, same clock.
 */
public final class SseLatencyBenchmark {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Api api;

    public SseLatencyBenchmark(Api api) {
        this.api = api;
    }

    public Result run(CountyPlan plan, double valuesPerSecond, Duration warmUp, Duration duration)
            throws InterruptedException {
        String viewer = api.token("viewer");
        String integrator = api.token("integrator");
        var recorder = new Recorder(3);
        var received = new AtomicLong();
        var stream = Thread.ofVirtual().start(() -> subscribe(viewer, recorder, received));
        Thread.sleep(1000); // subscribed before the first event
        double feedsPerSecond = Math.min(4, Math.max(1, valuesPerSecond / 500));
        int rowsPerFeed = Math.max(1, (int) Math.round(valuesPerSecond / feedsPerSecond));
        var failed = new AtomicLong();
        var round = new AtomicLong(100);
        feed(plan, integrator, feedsPerSecond, rowsPerFeed, warmUp, round, failed);
        recorder.getIntervalHistogram(); // forget the warm-up
        long before = received.get();
        feed(plan, integrator, feedsPerSecond, rowsPerFeed, duration, round, failed);
        Thread.sleep(2000); // the last events arrive
        Histogram histogram = recorder.getIntervalHistogram();
        stream.interrupt();
        double p99 = histogram.getValueAtPercentile(99) / 1e3;
        double p999 = histogram.getValueAtPercentile(99.9) / 1e3;
        long expected = (long) (feedsPerSecond * duration.toSeconds()) * rowsPerFeed;
        return new Result(
                "G4 event -> SSE",
                "p99 ms, %.0f values/s".formatted(feedsPerSecond * rowsPerFeed),
                p99,
                Double.NaN,
                Double.NaN,
                "p99 <= 250 ms, p99.9 <= 1 s",
                p99 <= 250 && p999 <= 1000 && failed.get() == 0,
                String.format(
                        Locale.ROOT,
                        "p50 %.1f ms, p99.9 %.1f ms, max %.1f ms; %,d events received of about %,d sent; %d feeds/s of %d rows; failed feeds %d",
                        histogram.getValueAtPercentile(50) / 1e3,
                        p999,
                        histogram.getMaxValue() / 1e3,
                        received.get() - before,
                        expected,
                        (int) feedsPerSecond,
                        rowsPerFeed,
                        failed.get()));
    }

    private void subscribe(String token, Recorder recorder, AtomicLong received) {
        var request = api.request("/api/events?region=" + CountyPlan.COUNTY, token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofHours(1))
                .GET()
                .build();
        try {
            HttpResponse<Stream<String>> response = api.http().send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SSE: " + response.statusCode());
            }
            response.body().forEach(line -> {
                if (line.startsWith("data:")) {
                    JsonNode event = JSON.readTree(line.substring(5).strip());
                    if (event.path("type").asString().equals("indicator.updated")) {
                        long micros = Duration.between(
                                                Instant.parse(
                                                        event.get("occurredAt").asString()),
                                                Instant.now())
                                        .toNanos()
                                / 1000;
                        recorder.recordValue(Math.max(1, micros));
                        received.incrementAndGet();
                    }
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("stopped");
                }
            });
        } catch (Exception e) {
            // the benchmark is over, or the stream broke: the counts will show it
        }
    }

    private void feed(
            CountyPlan plan,
            String token,
            double feedsPerSecond,
            int rowsPerFeed,
            Duration duration,
            AtomicLong round,
            AtomicLong failed)
            throws InterruptedException {
        long interval = (long) (1e9 / feedsPerSecond);
        long count = duration.toNanos() / interval;
        long start = System.nanoTime();
        List<String> regions = CountyPlan.MUNICIPALITIES;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long r = round.incrementAndGet();
                var rows = new StringBuilder("[");
                for (int n = 0; n < rowsPerFeed; n++) {
                    int indicator = plan.indicators.get(n % plan.indicators.size());
                    String region = regions.get((n / plan.indicators.size()) % regions.size());
                    int year = CountyPlan.FIRST_YEAR + (n / (plan.indicators.size() * regions.size())) % 20;
                    rows.append(n == 0 ? "" : ",")
                            .append(String.format(
                                    Locale.ROOT,
                                    "{\"indicator\":%d,\"regionCode\":\"%s\",\"year\":%d,\"gender\":\"total\",\"value\":%d.5}",
                                    indicator,
                                    region,
                                    year,
                                    r));
                }
                String body = rows.append(']').toString();
                senders.execute(() -> {
                    HttpRequest request = api.request("/api/indicator-feeds", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    if (api.send(request).statusCode() != 202) {
                        failed.incrementAndGet();
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
