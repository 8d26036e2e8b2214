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
 * plan-service). Throughput is what {@code clients} closed-loop clients achieve; latency is measured at a constant
 * arrival rate of half the gateway's throughput, the same rate for both paths.
 */
public final class GatewayBenchmark {

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
        Load.Throughput gatewayThroughput =
                Load.closedLoop(http, () -> get(viaGateway, token), clients, warmUp, duration);
        Load.Throughput directThroughput = Load.closedLoop(http, () -> get(direct, token), clients, warmUp, duration);
        double rate = Math.max(1, gatewayThroughput.perSecond() / 2);
        Load.Latency gatewayLatency = Load.constantArrival(http, () -> get(viaGateway, token), rate, warmUp, duration);
        Load.Latency directLatency = Load.constantArrival(http, () -> get(direct, token), rate, warmUp, duration);
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

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }
}
