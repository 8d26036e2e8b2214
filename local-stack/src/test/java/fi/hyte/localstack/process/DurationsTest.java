package fi.hyte.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void showsWholeSecondsWithoutDecimals() {
        assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2 s");
    }

    @Test
    void showsOtherDurationsWithOneDecimal() {
        assertThat(Durations.format(Duration.ofMillis(3140))).isEqualTo("3.1 s");
    }
}
