package fi.hyte.bench;

import fi.hyte.bench.gateway.GatewayBenchmark;
import fi.hyte.bench.ingest.IngestBenchmark;
import fi.hyte.bench.report.CountyPlan;
import fi.hyte.bench.report.ReplayBenchmark;
import fi.hyte.bench.report.ReportBenchmark;
import fi.hyte.bench.report.SseLatencyBenchmark;
import fi.hyte.bench.stack.Api;
import fi.hyte.bench.stack.BenchStack;
import fi.hyte.bench.stack.ReportLag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the benchmarks and prints each goal as a ratio against its raw baseline, as a Markdown table that
 * {@code BENCHMARKS.md} records. Arguments: {@code --scale=full} (the goals' sizes; default) or {@code --scale=small}
 * (CI's proof that the benchmarks work, not a judgement of speed), {@code --only=startup,G5,G1,report,G4,G3} to
 * pick some (G1 also measures G2), {@code --values=N} to feed N values in G1 instead of the scale's (to see how the
 * ingest scales between the two sizes), and {@code --pipeline-cap=SECONDS} for how long G2 waits for report-service
 * before it extrapolates (0: not at all; G1's figure never includes that wait).
 */
public final class Bench {

    /** report-service's collections that a replay rebuilds. */
    static final Set<String> READ_MODELS = Set.of("plans", "goals", "actions", "series", "counties");

    private Bench() {}

    public static void main(String[] args) throws Exception {
        run(Scale.of(args), only(args), option(args, "--values="), option(args, "--pipeline-cap="));
        // A missed goal is a figure to report, not a failure; exit at once rather than wait for stray threads.
        System.exit(0);
    }

    /** Runs the chosen benchmarks on fresh stacks and prints the table. */
    public static List<Result> run(Scale scale, Set<String> only) throws Exception {
        return run(scale, only, null, null);
    }

    /**
     * As {@link #run(Scale, Set)}, with G1's number of values and G2's wait for report-service in seconds overriding
     * the scale's where not null.
     */
    public static List<Result> run(Scale scale, Set<String> only, Integer values, Integer pipelineCapSeconds)
            throws Exception {
        int ingestValues = values != null ? values : scale.values;
        Duration pipelineCap = pipelineCapSeconds != null ? Duration.ofSeconds(pipelineCapSeconds) : scale.pipelineCap;
        Path repository = repositoryRoot();
        List<Result> results = new ArrayList<>();
        if (only.isEmpty() || only.contains("startup")) {
            results.add(new StartupBenchmark(repository).run());
        }
        if (only.isEmpty() || !only.equals(Set.of("startup"))) {
            try (BenchStack stack = BenchStack.start(repository)) {
                Api api = new Api(stack.gateway());
                if (wanted(only, "G5")) {
                    results.addAll(new GatewayBenchmark(stack, api).run(scale.clients, scale.warmUp, scale.duration));
                }
                CountyPlan county = null;
                if (wanted(only, "report") || wanted(only, "G4")) {
                    county = new CountyPlan(api).create(ReportBenchmark.indicators(repository, 50));
                }
                double ingestRate = ingestValues / 60.0;
                if (wanted(only, "G1")) {
                    List<Result> ingest =
                            new IngestBenchmark(stack, api, repository, pipelineCap).run(ingestValues, scale.feedSize);
                    results.addAll(ingest);
                    ingestRate = ingestValues / ingest.getFirst().hyte();
                }
                if (wanted(only, "report")) {
                    results.add(new ReportBenchmark(stack, api)
                            .run(county, scale.reportRate, scale.warmUp, scale.latencyDuration));
                }
                if (wanted(only, "G4")) {
                    // measured on a caught-up report-service, not on one still projecting G1's values
                    ReportLag.awaitOrBehind(stack.kafkaBootstrap(), scale.pipelineCap);
                    results.add(new SseLatencyBenchmark(api)
                            .run(county, ingestRate / 2, scale.warmUp, scale.latencyDuration));
                }
            }
        }
        if (wanted(only, "G3")) {
            // on a stack of its own: the read models must have caught up before the replay starts
            try (BenchStack stack = BenchStack.start(repository)) {
                Api api = new Api(stack.gateway());
                new IngestBenchmark(stack, api, repository, Duration.ofHours(2))
                        .run(scale.replayValues, scale.feedSize);
                results.add(new ReplayBenchmark(stack, READ_MODELS).run());
            }
        }
        print(scale, results);
        return results;
    }

    private static void print(Scale scale, List<Result> results) throws IOException {
        var table = new StringBuilder();
        table.append("Hyte benchmarks, %s, scale %s, %d cores, %s, Java %s%n%n"
                .formatted(
                        LocalDate.now(),
                        scale.name().toLowerCase(Locale.ROOT),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                        Runtime.version()));
        table.append(Result.header()).append('\n');
        results.forEach(result -> table.append(result.row()).append('\n'));
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "bench-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("(also written to " + out.toAbsolutePath() + ")");
    }

    private static boolean wanted(Set<String> only, String name) {
        return only.isEmpty() || only.contains(name);
    }

    /** The integer value of {@code --name=N}, or null if absent. */
    private static Integer option(String[] args, String prefix) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> Integer.valueOf(arg.substring(prefix.length()).replace("_", "")))
                .findFirst()
                .orElse(null);
    }

    private static Set<String> only(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith("--only="))
                .flatMap(arg -> Arrays.stream(arg.substring("--only=".length()).split(",")))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    /** The directory holding {@code mvnw}, at or above the working directory. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("indicator-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the bench inside the Hyte repository");
    }

    /** How big the benchmarks are. */
    public enum Scale {
        FULL(
                1_000_000,
                100_000,
                16,
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                20,
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                100_000),
        SMALL(
                6_000,
                2_000,
                4,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                5,
                Duration.ofSeconds(3),
                Duration.ofMinutes(5),
                3_000);

        final int values;
        final int feedSize;
        final int clients;
        final Duration warmUp;
        final Duration duration;
        final double reportRate;
        final Duration latencyDuration;
        final Duration pipelineCap;
        final int replayValues;

        Scale(
                int values,
                int feedSize,
                int clients,
                Duration warmUp,
                Duration duration,
                double reportRate,
                Duration latencyDuration,
                Duration pipelineCap,
                int replayValues) {
            this.values = values;
            this.feedSize = feedSize;
            this.clients = clients;
            this.warmUp = warmUp;
            this.duration = duration;
            this.reportRate = reportRate;
            this.latencyDuration = latencyDuration;
            this.pipelineCap = pipelineCap;
            this.replayValues = replayValues;
        }

        static Scale of(String[] args) {
            return Arrays.stream(args)
                    .filter(arg -> arg.startsWith("--scale="))
                    .map(arg -> Scale.valueOf(arg.substring("--scale=".length()).toUpperCase(Locale.ROOT)))
                    .findFirst()
                    .orElse(FULL);
        }
    }
}
