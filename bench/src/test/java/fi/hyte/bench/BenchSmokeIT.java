package fi.hyte.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CI's proof that the benchmarks work: every benchmark at a small scale on the real stack, each checking its own
 * correctness (every value stored and announced once, every request answered) and producing its figures. Speed is
 * not judged here: CI machines vary, and the goals are for the full scale.
 */
class BenchSmokeIT {

    @Test
    void everyBenchmarkRunsAndPrintsItsFigures() throws Exception {
        List<Result> results = Bench.run(Bench.Scale.SMALL, Set.of());

        assertThat(results)
                .extracting(Result::goal)
                .containsExactlyInAnyOrder(
                        "zero-install run",
                        "G5 gateway, trivial GET",
                        "G5 gateway, Mongo-backed GET",
                        "G1 ingest",
                        "G2 pipeline",
                        "report JSON p99",
                        "G4 event -> SSE",
                        "G3 replay");
        assertThat(results)
                .filteredOn(result -> result.goal().equals("G3 replay"))
                .singleElement()
                .satisfies(replay -> assertThat(replay.detail()).contains("identical"));
        assertThat(results).allSatisfy(result -> {
            assertThat(result.hyte()).as(result.goal()).isPositive().isFinite();
            if (!Double.isNaN(result.baseline())) {
                assertThat(result.baseline()).as(result.goal()).isPositive().isFinite();
                assertThat(result.ratio()).as(result.goal()).isPositive().isFinite();
            }
        });
    }
}
