package fi.hyte.support.observability;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CompositeBatchInterceptor;
import org.springframework.kafka.listener.CompositeRecordInterceptor;

/**
 * Makes every Kafka consumer binding continue the trace of the records it consumes, record-mode and batch-mode alike,
 * without any code in the consumer functions: it gives each listener container a {@link RecordTracing} and a
 * {@link BatchTracing} interceptor (the container uses the one for its mode), placed before any interceptor the
 * container already has.
 *
 * <p>The binder's own observation ({@code spring.cloud.stream.kafka.binder.enable-observation}) is not used: Spring
 * Kafka observes only record listeners (a batch listener's call is not observed, and its optional per-record
 * observations in a batch end before the function runs), so it cannot trace report-service's batch consumers.
 *
 * <p>The binder takes one customizer only ({@code getIfUnique}): this one is primary and runs a service's own
 * plain {@link ListenerContainerCustomizer} beans first. A service's own
 * {@code ListenerContainerWithDlqAndRetryCustomizer} would lose its retry-and-dead-letter part behind this one (only
 * its plain {@code configure} would run): none exists today; one would have to be composed here.
 */
final class ConsumerTracing implements ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> {

    private final Supplier<ConsumerSpans> spans;
    private final Supplier<Stream<ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>>> others;

    ConsumerTracing(
            Supplier<ConsumerSpans> spans,
            Supplier<Stream<ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>>> others) {
        this.spans = spans;
        this.others = others;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group) {
        others.get().filter(other -> other != this).forEach(other -> other.configure(container, destination, group));
        ConsumerSpans tracing = spans.get();
        if (tracing != null) {
            install((AbstractMessageListenerContainer<Object, Object>) container, tracing, group);
        }
    }

    private static <K, V> void install(
            AbstractMessageListenerContainer<K, V> container, ConsumerSpans tracing, String group) {
        var record = new RecordTracing<K, V>(tracing, group);
        var existingRecord = container.getRecordInterceptor();
        container.setRecordInterceptor(
                existingRecord == null ? record : new CompositeRecordInterceptor<>(record, existingRecord));
        var batch = new BatchTracing<K, V>(tracing, group);
        var existingBatch = container.getBatchInterceptor();
        container.setBatchInterceptor(
                existingBatch == null ? batch : new CompositeBatchInterceptor<>(batch, existingBatch));
    }
}
