package fi.hyte.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.hyte.faults.fault.Fault;
import fi.hyte.faults.fault.FaultContext;
import fi.hyte.faults.fault.Poison;
import fi.hyte.faults.load.Workload;
import fi.hyte.faults.oracle.Oracle;
import fi.hyte.faults.oracle.Snapshot;
import fi.hyte.faults.stack.Api;
import fi.hyte.faults.stack.FaultStack;
import fi.hyte.faults.stack.Kafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite: a fault-free reference run of the rounds, then the same rounds on a fresh stack with a fault
 * injected into each while its load runs. After each round the system settles and the oracle checks it against
 * the reference run's state after the same round: stores identical (content hash of {@link Snapshot}), every
 * acknowledged write present, no event applied twice, dead letters exactly the poison injected so far.
 *
 * <p>Kafka here is one broker with replication factor 1: these faults test the clients' idempotence and retries
 * (producers, consumers, outbox relays, read models), not replication.
 *
 * <p>Arguments: {@code --faults=1,3,5} (default: all twelve), {@code --reps=3}, {@code --units=3} (units of load
 * per round, each a plan, a goal, its approval, an action started and completed, a feed and a raw row).
 */
public final class FaultSuite {

    private static final Duration SETTLE = Duration.ofMinutes(6);

    private FaultSuite() {}

    /** What to run. */
    public record Options(List<Integer> faults, int repetitions, int units) {

        static Options parse(String[] args) {
            List<Integer> faults = Faults.ALL.stream().map(Fault::number).toList();
            int reps = 3;
            int units = 3;
            for (String arg : args) {
                if (arg.startsWith("--faults=")) {
                    faults = Arrays.stream(arg.substring(9).split(","))
                            .map(Integer::parseInt)
                            .toList();
                } else if (arg.startsWith("--reps=")) {
                    reps = Integer.parseInt(arg.substring(7));
                } else if (arg.startsWith("--units=")) {
                    units = Integer.parseInt(arg.substring(8));
                }
            }
            return new Options(faults, reps, units);
        }
    }

    /** A round: which fault, which repetition. */
    private record Round(int index, Fault fault, int repetition) {}

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            List<Row> rows = run(Options.parse(args));
            status = rows.stream().allMatch(Row::passed) && !rows.isEmpty() ? 0 : 1;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // the stacks are closed by now; stray client threads must not keep the JVM
        }
    }

    public static List<Row> run(Options options) throws Exception {
        Path repository = repositoryRoot();
        List<Round> rounds = new ArrayList<>();
        for (int n : options.faults()) {
            Fault fault = Faults.number(n);
            for (int rep = 1; rep <= options.repetitions(); rep++) {
                rounds.add(new Round(rounds.size(), fault, rep));
            }
        }
        log("%d rounds (%s x %d), %d units each"
                .formatted(rounds.size(), options.faults(), options.repetitions(), options.units()));

        List<Snapshot> reference = new ArrayList<>();
        try (FaultStack stack = FaultStack.start(repository)) {
            log("reference stack up in " + Row.seconds(stack.startup()));
            try (Run run = new Run(stack, repository, options.units())) {
                reference.add(run.oracle.settle(SETTLE)); // before any load: the catalogue, regions
                for (Round round : rounds) {
                    run.load.runRound(round.index());
                    reference.add(run.oracle.settle(SETTLE));
                    log("reference round %d settled: %s"
                            .formatted(round.index(), reference.getLast().hash()));
                }
                List<String> lost = run.oracle.lostWrites(Integer.MAX_VALUE);
                List<String> duplicates = run.oracle.duplicates(reference.getLast());
                if (!lost.isEmpty() || !duplicates.isEmpty()) {
                    throw new IllegalStateException(
                            "the fault-free run itself lost " + lost + " / duplicated " + duplicates);
                }
            }
        }

        List<Row> rows = new ArrayList<>();
        Map<String, Long> poisonExpected = new TreeMap<>();
        try (FaultStack stack = FaultStack.start(repository)) {
            log("faulted stack up in " + Row.seconds(stack.startup()));
            try (Run run = new Run(stack, repository, options.units())) {
                Snapshot before = run.oracle.settle(SETTLE);
                if (!before.hash().equals(reference.getFirst().hash())) {
                    log("the stacks differ before any load: " + before.differences(reference.getFirst(), 2));
                }
                for (Round round : rounds) {
                    Snapshot expectedBefore = reference.get(round.index());
                    Snapshot expected = reference.get(round.index() + 1);
                    Row row = faultedRound(
                            run,
                            stack,
                            repository,
                            round,
                            expected,
                            expected.since(expectedBefore),
                            before,
                            poisonExpected);
                    rows.add(row);
                    before = row.after() == null ? before : row.after();
                    log(row.line());
                    row.violations().forEach(v -> log("    " + v));
                }
            }
        }
        report(rows, options);
        return rows;
    }

    private static Row faultedRound(
            Run run,
            FaultStack stack,
            Path repository,
            Round round,
            Snapshot expected,
            Snapshot expectedChange,
            Snapshot before,
            Map<String, Long> poison) {
        Fault fault = round.fault();
        List<String> violations = new ArrayList<>();
        Duration lasted = null;
        Duration recovery = null;
        String identical = "NO";
        Snapshot after = null;
        int lost = 0;
        int duplicates = 0;
        String deadLetters = "-";
        try {
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                try {
                    run.load.runRound(round.index());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(fault.delay().toMillis());
            log("round %d: injecting %d %s (rep %d)"
                    .formatted(round.index(), fault.number(), fault.name(), round.repetition()));
            long start = System.nanoTime();
            try {
                fault.inject(new FaultContext(stack, run.kafka, repository, round.index()), round.repetition());
            } catch (Exception e) { // still let the load end and judge what the round left behind
                violations.add("the fault was not healed in time: " + e);
            }
            long healed = System.nanoTime();
            lasted = Duration.ofNanos(healed - start);
            fault.expectedDeadLetters().forEach((topic, n) -> poison.merge(topic, n, Long::sum));
            load.get();
            Snapshot snapshot = run.oracle.settle(SETTLE);
            recovery = Duration.ofNanos(System.nanoTime() - healed);
            after = snapshot;

            Snapshot change = snapshot.since(before);
            if (snapshot.hash().equals(expected.hash())) {
                identical = "yes";
            } else if (change.hash().equals(expectedChange.hash())) {
                identical = "this round's change: yes (an earlier round's differs)";
            } else {
                violations.add("this round changed the stores differently from the fault-free run:");
                change.differences(expectedChange, 2).forEach(d -> violations.add("  " + d));
            }
            List<String> lostWrites = run.oracle.lostWrites(round.index());
            lost = lostWrites.size();
            lostWrites.forEach(l -> violations.add("lost: " + l));
            List<String> doubled = run.oracle.duplicates(snapshot);
            duplicates = doubled.size();
            doubled.forEach(d -> violations.add("duplicate: " + d));

            Map<String, long[]> letters = run.oracle.deadLetters(Poison.MARKER);
            long total = letters.values().stream().mapToLong(c -> c[0]).sum();
            long poisoned = letters.values().stream().mapToLong(c -> c[1]).sum();
            long expectedTotal =
                    poison.values().stream().mapToLong(Long::longValue).sum();
            deadLetters = poisoned + " / " + expectedTotal;
            if (total != poisoned) {
                violations.add((total - poisoned) + " dead letters that are not the suite's poison");
            }
            for (String topic : union(letters.keySet(), poison.keySet())) {
                long actual = letters.getOrDefault(topic, new long[2])[1];
                long wanted = poison.getOrDefault(topic, 0L);
                if (actual != wanted) {
                    violations.add("%s holds %d poison records, expected %d".formatted(topic, actual, wanted));
                }
            }
        } catch (Exception e) {
            violations.add("round failed: " + e);
        }
        run.load.notes().forEach(n -> log("    load: " + n));
        run.load.notes().clear();
        return new Row(
                fault.number(),
                fault.name(),
                round.repetition(),
                lasted,
                recovery,
                identical,
                lost,
                duplicates,
                deadLetters,
                violations,
                after);
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static void report(List<Row> rows, Options options) throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("Fault suite, %s UTC, %d units per round, Kafka: one broker, replication factor 1 (the faults"
                .formatted(LocalDate.now(ZoneOffset.UTC), options.units()));
        table.append(" test the clients' idempotence and retries, not replication)\n\n");
        table.append(Row.header()).append('\n');
        rows.forEach(r -> table.append(r.line()).append('\n'));
        for (var fault : Faults.ALL) {
            if (!options.faults().contains(fault.number())) {
                table.append("| %d | %s | - | not run | | | | | | |\n".formatted(fault.number(), fault.name()));
            }
        }
        long failed = rows.stream().filter(r -> !r.passed()).count();
        table.append("\n%d rounds, %d passed, %d failed\n".formatted(rows.size(), rows.size() - failed, failed));
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "fault-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("(also written to " + out.toAbsolutePath() + ")");
    }

    static void log(String line) {
        System.out.println("[faults " + java.time.LocalTime.now().withNano(0) + "] " + line);
        System.out.flush();
    }

    /** One stack's clients: HTTP, Kafka, Mongo, the load and the oracle. */
    private static final class Run implements AutoCloseable {
        final Kafka kafka;
        final MongoClient mongo;
        final Api api;
        final Workload load;
        final Oracle oracle;

        Run(FaultStack stack, Path repository, int units) {
            this.kafka = new Kafka(stack.kafkaBootstrap());
            this.mongo = MongoClients.create(stack.mongoUri());
            this.api = new Api(stack.gateway());
            this.load = new Workload(api, stack.kafkaBootstrap(), feedIndicators(api), units);
            this.oracle = new Oracle(stack, kafka, mongo, api, load);
        }

        /** 50 catalogue indicators (the first by id, except the goals' own), one per round, in both runs alike. */
        private static List<Integer> feedIndicators(Api api) {
            JsonNode page = Api.expect(api.get("/api/indicators?size=60&page=0", api.token("viewer")), 200);
            List<Integer> ids = new ArrayList<>();
            for (JsonNode indicator : page.path("content")) {
                int id = indicator.path("id").asInt();
                if (id != 4284) {
                    ids.add(id);
                }
            }
            return ids.subList(0, Math.min(50, ids.size()));
        }

        @Override
        public void close() {
            load.close();
            mongo.close();
        }
    }

    /** The directory holding {@code mvnw}, at or above the working directory. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("indicator-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the fault suite inside the Hyte repository");
    }
}
