package fi.hyte.report.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static LoggedEvent event(long seq) {
        return new LoggedEvent("e" + seq, seq, "indicator.updated", "HVA-4", Instant.now(), "{}");
    }

    @Test
    void aClientThatFallsAFullBufferBehindIsEnded() throws InterruptedException {
        var subscription = new Subscription("HVA-4", 0, 2);
        subscription.offer(event(1));
        subscription.offer(event(2));
        assertThat(subscription.ended()).isFalse();
        subscription.offer(event(3));
        assertThat(subscription.ended()).isTrue();
        assertThat(subscription.poll(10).seq()).isEqualTo(1);
    }

    @Test
    void closingWakesTheSender() throws InterruptedException {
        var subscription = new Subscription(null, 0, 2);
        subscription.close();
        assertThat(subscription.poll(1000)).isSameAs(Subscription.CLOSED);
        assertThat(subscription.ended()).isTrue();
    }
}
