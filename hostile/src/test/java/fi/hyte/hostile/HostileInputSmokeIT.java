package fi.hyte.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.hostile.stack.HostileStack;
import org.junit.jupiter.api.Test;

/**
 * CI's bounded form of the hostile-input suite: the real stack with its demo data, every operation of the gateway's
 * OpenAPI document with the whole fixed list and fewer generated cases (30 per operation instead of 200), the same
 * judgement: no 5xx, every invalid case refused with 4xx problem+json, no stored change from a refused request.
 */
class HostileInputSmokeIT {

    @Test
    void everyOperationRefusesHostileInputCleanly() throws Exception {
        try (HostileStack stack = HostileStack.start(Hostile.repositoryRoot())) {
            Suite.Result result = Suite.run(stack.gateway(), stack.mongoUri(), 30);
            System.out.println(result.table());

            assertThat(result.operations()).isGreaterThanOrEqualTo(30);
            assertThat(result.cases()).isGreaterThanOrEqualTo(30 * result.operations());
            assertThat(result.fiveHundreds()).isZero();
            assertThat(result.violations()).isEmpty();
        }
    }
}
