package fi.hyte.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CI's bounded fault suite: a fault-free run and a faulted run of the same small load on the real stack, with
 * report-service killed mid-batch (3), poison on every consumed topic (11) and a backend down behind the gateway
 * (10), once each. Every round must pass the whole oracle: stores identical to the fault-free run, no acknowledged
 * write lost, no event applied twice, dead letters exactly the poison.
 */
class FaultSuiteSmokeIT {

    @Test
    void faultsLoseAndDoubleNothing() throws Exception {
        List<Row> rows = FaultSuite.run(new FaultSuite.Options(List.of(3, 11, 10), 1, 2));

        assertThat(rows).hasSize(3);
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.violations())
                        .as("fault %d %s", row.fault(), row.name())
                        .isEmpty());
    }
}
