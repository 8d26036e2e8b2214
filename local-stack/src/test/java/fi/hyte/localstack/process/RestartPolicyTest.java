package fi.hyte.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy = new RestartPolicy();

    @Test
    void doublesTheDelayFromOneSecondUpToThirtySeconds() {
        assertThat(IntStream.range(0, 8)
                        .mapToObj(i -> policy.nextDelay(Duration.ZERO).toSeconds()))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void startsAgainFromOneSecondAfterTheChildWasHealthyForAMinute() {
        IntStream.range(0, 4).forEach(i -> policy.nextDelay(Duration.ZERO));

        assertThat(policy.nextDelay(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void keepsBackingOffWhenTheChildWasHealthyForLessThanAMinute() {
        IntStream.range(0, 3).forEach(i -> policy.nextDelay(Duration.ZERO));

        assertThat(policy.nextDelay(Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void startsAgainFromOneSecondAfterAReset() {
        IntStream.range(0, 5).forEach(i -> policy.nextDelay(Duration.ZERO));

        policy.reset();

        assertThat(policy.nextDelay(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void neverGivesUp() {
        IntStream.range(0, 1000).forEach(i -> policy.nextDelay(Duration.ZERO));

        assertThat(policy.nextDelay(Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    }
}
