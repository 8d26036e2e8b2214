package fi.hyte.bench.report;

import fi.hyte.bench.Result;
import fi.hyte.bench.load.Load;
import fi.hyte.bench.stack.Api;
import fi.hyte.bench.stack.BenchStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report JSON of a county with 9 municipalities, 10 goals, 50 measures x 20 years x 3 genders, served from the
 * read model: latency at a constant arrival rate, through the gateway and straight from report-service.
 */
public final class ReportBenchmark {

    private final BenchStack stack;
    private final Api api;

    public ReportBenchmark(BenchStack stack, Api api) {
        this.stack = stack;
        this.api = api;
    }

    public Result run(CountyPlan plan, double rate, Duration warmUp, Duration duration) throws InterruptedException {
        String viewer = api.token("viewer");
        String viaGateway = stack.gateway() + CountyPlan.reportPath();
        String direct = "http://localhost:" + stack.ports().report() + CountyPlan.reportPath();
        int bytes = api.get(viaGateway, viewer).body().length();
        Load.Latency gateway = Load.constantArrival(api.http(), () -> get(viaGateway, viewer), rate, warmUp, duration);
        Load.Latency service = Load.constantArrival(api.http(), () -> get(direct, viewer), rate, warmUp, duration);
        return new Result(
                "report JSON p99",
                "ms, county of 9 municipalities, 10 goals, 50 measures x 20 years x 3 genders",
                gateway.p99Millis(),
                Double.NaN,
                Double.NaN,
                "p99 < 50 ms",
                gateway.p99Millis() < 50 && gateway.failed() == 0,
                String.format(
                        Locale.ROOT,
                        "%.0f requests/s constant arrival; through the gateway p50 %.1f / p99 %.1f / p99.9 %.1f ms;"
                                + " report-service directly p50 %.1f / p99 %.1f ms; %,d bytes; failures %d",
                        rate,
                        gateway.p50Millis(),
                        gateway.p99Millis(),
                        gateway.p999Millis(),
                        service.p50Millis(),
                        service.p99Millis(),
                        bytes,
                        gateway.failed() + service.failed()));
    }

    /** The first {@code count} indicator ids of the Sotkanet catalogue indicator-service loads. */
    public static List<Integer> indicators(Path repositoryRoot, int count) throws IOException {
        JsonNode all = JsonMapper.shared()
                .readTree(Files.readString(
                        repositoryRoot.resolve("indicator-service/src/main/resources/sotkanet/SotkaIndicators.json")));
        List<Integer> ids = new ArrayList<>();
        for (JsonNode indicator : all) {
            if (ids.size() < count) {
                ids.add(indicator.get("id").asInt());
            }
        }
        return ids;
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }
}
