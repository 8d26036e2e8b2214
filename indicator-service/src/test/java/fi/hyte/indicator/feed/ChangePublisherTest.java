package fi.hyte.indicator.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.indicator.value.Gender;
import fi.hyte.indicator.value.Observation;
import fi.hyte.indicator.value.Outcome;
import fi.hyte.indicator.value.ValueEvent;
import fi.hyte.indicator.value.ValueKey;
import fi.hyte.indicator.value.ValueWriter;
import fi.hyte.support.event.EventContext;
import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.outbox.EventOrigin;
import fi.hyte.support.outbox.OutboxProperties;
import fi.hyte.support.outbox.PendingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

class ChangePublisherTest {

    static final Instant AT = Instant.parse("2026-11-23T12:00:00.123456Z");

    final JsonMapper json = JsonMapper.builder().build();
    final List<PendingEvent> sent = new ArrayList<>();
    final List<CompletableFuture<Void>> acks = new ArrayList<>();

    ChangePublisher publisher() {
        var beans = new StaticListableBeanFactory();
        return new ChangePublisher(
                event -> {
                    sent.add(event);
                    var ack = new CompletableFuture<Void>();
                    acks.add(ack);
                    return ack;
                },
                json,
                Clock.fixed(AT, ZoneOffset.UTC),
                new OutboxProperties(
                        "events-out-0",
                        Duration.ofMillis(500),
                        Duration.ofSeconds(10),
                        200,
                        5000,
                        Duration.ofMillis(300)),
                beans.getBeanProvider(io.micrometer.tracing.Tracer.class),
                beans.getBeanProvider(io.micrometer.tracing.propagation.Propagator.class));
    }

    static ValueWriter.Recorded change(int row, Double previous) {
        var key = new ValueKey(4284, "HVA-4", 2020 + row, Gender.TOTAL);
        var proposal = new ValueWriter.Proposal(key, new Observation(row + 0.5, null), "feed-1", row);
        var event = new ValueEvent.IndicatorUpdated(
                key.id(), 4284, "HVA-4", 2020 + row, "total", row + 0.5, null, previous, "feed-1");
        var origin = new EventOrigin(UUID.nameUUIDFromBytes(("r" + row).getBytes()), key.id(), 2, "HVA-4");
        return new ValueWriter.Recorded(proposal, Outcome.CHANGED, event, origin);
    }

    @Test
    void writesTheSameWireFormAsTheOutboxEnvelope() {
        var change = change(1, 7.25);
        String direct = publisher().envelope(change.origin(), change.event(), AT, "corr-1", "integrator");

        String viaEnvelope = json.writeValueAsString(new EventEnvelope(
                change.origin().eventId(),
                "indicator.updated",
                1,
                change.origin().aggregateId(),
                2,
                AT,
                "HVA-4",
                "corr-1",
                "integrator",
                json.valueToTree(change.event())));
        assertThat(direct).isEqualTo(viaEnvelope);
        assertThat(json.readTree(direct).at("/payload/previousValue").asDouble())
                .isEqualTo(7.25);
        assertThat(json.readTree(direct).at("/payload/absValue").isNull()).isTrue();
    }

    @Test
    void sendsEveryChangeKeyedByItsValueAsTheCurrentActorAndWaitsForEveryAcknowledgement() {
        var publisher = publisher();
        ChangePublisher.Sent[] handle = new ChangePublisher.Sent[1];
        EventContext.runAs(
                "integrator", "corr-2", () -> handle[0] = publisher.send(List.of(change(1, null), change(2, 3.0))));

        assertThat(sent)
                .extracting(PendingEvent::key)
                .containsExactly("4284:HVA-4:2021:total", "4284:HVA-4:2022:total");
        assertThat(sent).extracting(PendingEvent::type).containsOnly("indicator.updated");
        assertThat(json.readTree(sent.getFirst().envelope()).get("actor").asString())
                .isEqualTo("integrator");
        assertThat(json.readTree(sent.getFirst().envelope())
                        .get("correlationId")
                        .asString())
                .isEqualTo("corr-2");

        acks.getFirst().complete(null);
        assertThatThrownBy(handle[0]::await)
                .as("one acknowledgement missing")
                .isInstanceOf(ChangePublisher.NotAcknowledged.class);
        acks.getLast().completeExceptionally(new IllegalStateException("broker away"));
        assertThatThrownBy(handle[0]::await)
                .isInstanceOf(ChangePublisher.NotAcknowledged.class)
                .hasMessageContaining("broker away");
    }

    @Test
    void returnsOnceEveryEventIsAcknowledged() {
        var handle = publisher().send(List.of(change(1, null), change(2, null)));
        acks.forEach(ack -> ack.complete(null));
        handle.await();
        assertThat(handle.events()).isEqualTo(2);
        publisher().send(List.of()).await();
    }
}
