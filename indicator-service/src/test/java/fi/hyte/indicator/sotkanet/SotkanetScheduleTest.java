package fi.hyte.indicator.sotkanet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The schedule of poll rounds, with the connector mocked. */
class SotkanetScheduleTest {

    static SotkanetProperties properties(boolean enabled) {
        return new SotkanetProperties(
                enabled,
                URI.create("http://localhost:1/rest/1.1"),
                Duration.ofMillis(50),
                Duration.ZERO,
                "Hyte/1.0 (test)",
                2000,
                2024,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                10_000);
    }

    @Test
    void isOffUnlessEnabled() {
        assertThat(new SotkanetSchedule(mock(SotkanetConnector.class), properties(false)).isAutoStartup())
                .isFalse();
        assertThat(new SotkanetSchedule(mock(SotkanetConnector.class), properties(true)).isAutoStartup())
                .isTrue();
    }

    @Test
    void runsRoundAfterRoundEvenWhenOneThrows() {
        var connector = mock(SotkanetConnector.class);
        when(connector.pollRound())
                .thenThrow(new IllegalStateException("boom"))
                .thenReturn(new SotkanetConnector.Round(0, 0, 0, 0, 0, List.of()));
        var schedule = new SotkanetSchedule(connector, properties(true));
        schedule.start();
        try {
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> verify(connector, atLeast(3)).pollRound());
            assertThat(schedule.isRunning()).isTrue();
        } finally {
            schedule.stop();
        }
        assertThat(schedule.isRunning()).isFalse();
        Mockito.reset(connector);
    }
}
