package fi.hyte.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.testsupport.TestInfrastructure;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consumers continue the producer's trace, on a real broker and the real binder, with no tracing code in the
 * consumer functions: a record-mode and a batch-mode binding each get one CONSUMER span per record, the child of the
 * span in the record's {@code traceparent} header, in scope (and in the log MDC) while the function runs.
 */
@SpringBootTest(
        classes = ConsumerTracingIT.TracedConsumers.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=traced-consumers",
            "spring.mongodb.uri=${MONGODB_URI}",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=${JWT_ISSUER_URI}",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=${JWT_JWK_SET_URI}",
            "spring.security.oauth2.resourceserver.jwt.audiences=hyte",
            "spring.cloud.stream.kafka.binder.brokers=${KAFKA_BOOTSTRAP}",
            "spring.cloud.function.definition=recordEvents;batchEvents;failingEvents",
            "spring.cloud.stream.bindings.failingEvents-in-0.destination=tracing.failing.events",
            "spring.cloud.stream.bindings.failingEvents-in-0.group=traced",
            "spring.cloud.stream.bindings.failingEvents-in-0.consumer.max-attempts=1",
            "spring.cloud.stream.bindings.recordEvents-in-0.destination=tracing.record.events",
            "spring.cloud.stream.bindings.recordEvents-in-0.group=traced",
            "spring.cloud.stream.bindings.batchEvents-in-0.destination=tracing.batch.events",
            "spring.cloud.stream.bindings.batchEvents-in-0.group=traced",
            "spring.cloud.stream.bindings.batchEvents-in-0.consumer.batch-mode=true",
            "spring.cloud.stream.kafka.default.consumer.start-offset=earliest",
            "management.opentelemetry.tracing.export.schedule-delay=100ms"
        })
class ConsumerTracingIT {

    static final String RECORD_TOPIC = "tracing.record.events";
    static final String BATCH_TOPIC = "tracing.batch.events";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "consumer-tracing-it");
    }

    /** What a consumer function saw: its payload, the current trace id and the trace id on its log lines. */
    record Seen(String payload, String traceId, String loggedTraceId) {}

    @SpringBootApplication
    static class TracedConsumers {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final List<SpanData> exported = new CopyOnWriteArrayList<>();

        @Bean
        Consumer<String> recordEvents(Tracer tracer) {
            return payload -> seen.add(new Seen(payload, currentTraceId(tracer), MDC.get("traceId")));
        }

        @Bean
        Consumer<List<String>> batchEvents(Tracer tracer) {
            return payloads -> payloads.forEach(
                    payload -> seen.add(new Seen(payload, currentTraceId(tracer), MDC.get("traceId"))));
        }

        @Bean
        Consumer<String> failingEvents() {
            return payload -> {
                throw new IllegalStateException("cannot handle " + payload);
            };
        }

        @Bean
        SpanExporter collectingExporter() {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            };
        }

        private static String currentTraceId(Tracer tracer) {
            var span = tracer.currentSpan();
            return span == null ? null : span.context().traceId();
        }
    }

    @Autowired
    TracedConsumers consumers;

    @Test
    void aRecordModeConsumerContinuesTheTraceOfEachRecordInScope() {
        var trace = new Parent();
        send(RECORD_TOPIC, "{\"n\":\"record-1\"}", trace);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(consumers.seen)
                        .contains(new Seen("{\"n\":\"record-1\"}", trace.traceId, trace.traceId)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(consumerSpansOf(trace))
                        .singleElement()
                        .satisfies(span -> assertThat(span.getParentSpanId()).isEqualTo(trace.spanId))
                        .satisfies(span -> assertThat(span.getName()).isEqualTo(RECORD_TOPIC + " process"))
                        // Spring Cloud Function's own span of the function call is its child
                        .satisfies(span -> assertThat(spansOf(trace))
                                .anyMatch(child -> child.getParentSpanId().equals(span.getSpanId())
                                        && child.getName().equals("recordEvents process")))
                        .satisfies(
                                span -> assertThat(span.getAttributes().asMap().toString())
                                        .contains("messaging.destination.name=" + RECORD_TOPIC)
                                        .contains("messaging.kafka.message.offset=")
                                        .contains("messaging.kafka.destination.partition=")
                                        .contains("hyte.event.type=plan.created")));
    }

    @Test
    void aBatchModeConsumerGivesEveryRecordOfTheBatchItsOwnSpanInItsOwnTrace() {
        var traces = List.of(new Parent(), new Parent(), new Parent());
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            payloads.add("{\"n\":\"batch-" + i + "\"}");
            send(BATCH_TOPIC, payloads.get(i), traces.get(i));
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(consumers.seen.stream().map(Seen::payload)).containsAll(payloads));
        // the function ran inside one of the batch's spans: its log lines carry a trace of the batch
        List<String> traceIds = traces.stream().map(t -> t.traceId).toList();
        assertThat(consumers.seen.stream()
                        .filter(seen -> payloads.contains(seen.payload()))
                        .map(Seen::loggedTraceId))
                .allMatch(traceIds::contains);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Parent trace : traces) {
                assertThat(consumerSpansOf(trace))
                        .as("consumer spans of trace %s", trace.traceId)
                        .singleElement()
                        .satisfies(span -> assertThat(span.getParentSpanId()).isEqualTo(trace.spanId))
                        .satisfies(span -> assertThat(span.getName()).isEqualTo(BATCH_TOPIC + " process"))
                        .satisfies(span -> assertThat(span.hasEnded()).isTrue());
            }
        });
    }

    @Test
    void aRecordTheFunctionFailedOnEndsItsSpanWithTheError() {
        var trace = new Parent();
        send("tracing.failing.events", "{\"n\":\"failing\"}", trace);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(consumerSpansOf(trace))
                        .singleElement()
                        .satisfies(span -> assertThat(span.getParentSpanId()).isEqualTo(trace.spanId))
                        .satisfies(span ->
                                assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR)));
    }

    private List<SpanData> consumerSpansOf(Parent trace) {
        return spansOf(trace).stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER)
                .toList();
    }

    private List<SpanData> spansOf(Parent trace) {
        return consumers.exported.stream()
                .filter(span -> span.getTraceId().equals(trace.traceId))
                .toList();
    }

    /** A producer's span that is not in this process: its ids, as the outbox relay would send them. */
    static final class Parent {
        private static final SecureRandom random = new SecureRandom();
        final String traceId = hex(16);
        final String spanId = hex(8);

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }

        private static String hex(int bytes) {
            byte[] id = new byte[bytes];
            random.nextBytes(id);
            return HexFormat.of().formatHex(id);
        }
    }

    private static void send(String topic, String value, Parent trace) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap()),
                new StringSerializer(),
                new StringSerializer())) {
            var record = new ProducerRecord<>(topic, "key", value);
            record.headers()
                    .add(new RecordHeader("traceparent", trace.traceparent().getBytes(StandardCharsets.UTF_8)))
                    .add(new RecordHeader("hyte_event_type", "\"plan.created\"".getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
