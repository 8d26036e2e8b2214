package fi.hyte.bench.gateway;

import fi.hyte.bench.Result;
import fi.hyte.bench.load.Load;
import fi.hyte.bench.stack.Api;
import fi.hyte.bench.stack.BenchStack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * G5: the same GETs through the gateway (JWT validation, circuit breaker, limits on) and straight to the service: a
 * trivial one (a region from indicator-service's in-memory catalogue) and a Mongo-backed one (a plan from
 * plan-service). Both paths are warmed for at least {@link #MIN_WARM_UP} first. Throughput is what {@code clients}
 * closed-loop clients achieve; latency is measured at a constant arrival rate of half the gateway's throughput, the
 * same rate for both paths, for at least {@link #MIN_LATENCY_SAMPLES} requests each.
 */
public final class GatewayBenchmark {

    /** At least this long per path before anything is measured (both paths, whatever the scale). */
    static final Duration MIN_WARM_UP = Duration.ofSeconds(15);

    /** At least this many requests per path in a constant-arrival run. */
    static final int MIN_LATENCY_SAMPLES = 1_000;

    private final BenchStack stack;
    private final Api api;

    public GatewayBenchmark(BenchStack stack, Api api) {
        this.stack = stack;
        this.api = api;
    }

    public List<Result> run(int clients, Duration warmUp, Duration duration) throws Exception {
        String viewer = api.token("viewer");
        String coordinator = api.token("coordinator");
        String plan = Api.expect(api.postJson("/api/plans", coordinator, """
                                {"region": "HVA-4", "title": "Benchmark plan", "termStart": 2026, "termEnd": 2029}"""), 201)
                .get("id")
                .asString();
        String gateway = stack.gateway();
        return List.of(
                compare(
                        "G5 gateway, trivial GET",
                        0.5,
                        gateway + "/api/regions/092",
                        "http://localhost:" + stack.ports().indicator() + "/api/regions/092",
                        viewer,
                        clients,
                        warmUp,
                        duration),
                compare(
                        "G5 gateway, Mongo-backed GET",
                        0.9,
                        gateway + "/api/plans/" + plan,
                        "http://localhost:" + stack.ports().plan() + "/api/plans/" + plan,
                        viewer,
                        clients,
                        warmUp,
                        duration));
    }

    private Result compare(
            String goal,
            double target,
            String viaGateway,
            String direct,
            String token,
            int clients,
            Duration warmUp,
            Duration duration)
            throws InterruptedException {
        var http = api.http();
        // Both paths are warmed before either is measured, long enough for the JIT: the gateway runs far more code
        // per request than the service, and a warm-up of a second or two measured it interpreted. (Before, the
        // gateway's run came first and also warmed the service for the direct run.)
        Duration jitWarmUp = max(warmUp, MIN_WARM_UP);
        Load.closedLoop(http, () -> get(viaGateway, token), clients, jitWarmUp, Duration.ZERO);
        Load.closedLoop(http, () -> get(direct, token), clients, jitWarmUp, Duration.ZERO);
        Load.Throughput gatewayThroughput =
                Load.closedLoop(http, () -> get(viaGateway, token), clients, warmUp, duration);
        Load.Throughput directThroughput = Load.closedLoop(http, () -> get(direct, token), clients, warmUp, duration);
        double rate = Math.max(1, gatewayThroughput.perSecond() / 2);
        // enough requests that the p99 is not simply the slowest of a few dozen
        Duration latencyDuration = max(duration, Duration.ofSeconds((long) Math.ceil(MIN_LATENCY_SAMPLES / rate)));
        Load.Latency gatewayLatency =
                Load.constantArrival(http, () -> get(viaGateway, token), rate, warmUp, latencyDuration);
        Load.Latency directLatency =
                Load.constantArrival(http, () -> get(direct, token), rate, warmUp, latencyDuration);
        double ratio = gatewayThroughput.perSecond() / directThroughput.perSecond();
        double p99Ratio = gatewayLatency.p99Millis() / directLatency.p99Millis();
        long failures = gatewayThroughput.failed()
                + directThroughput.failed()
                + gatewayLatency.failed()
                + directLatency.failed();
        return new Result(
                goal,
                "requests/s with %d clients".formatted(clients),
                gatewayThroughput.perSecond(),
                directThroughput.perSecond(),
                ratio,
                ">= %.1fx direct, p99 ratio <= 1.5".formatted(target),
                ratio >= target && p99Ratio <= 1.5 && failures == 0,
                String.format(
                        Locale.ROOT,
                        "at %.0f/s constant arrival: p50 %.2f / %.2f ms, p99 %.2f / %.2f ms (ratio %.2f), p99.9 %.2f / %.2f ms (gateway / direct); failures %d",
                        rate,
                        gatewayLatency.p50Millis(),
                        directLatency.p50Millis(),
                        gatewayLatency.p99Millis(),
                        directLatency.p99Millis(),
                        p99Ratio,
                        gatewayLatency.p999Millis(),
                        directLatency.p999Millis(),
                        failures));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }
}
