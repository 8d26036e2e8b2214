package fi.hyte.support.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * For a record-mode consumer: one span per record, in scope while the consumer function runs (so its log lines and
 * the events it raises carry the trace), ended with an error when the function failed.
 */
final class RecordTracing<K, V> implements RecordInterceptor<K, V> {

    private record Current(Span span, Tracer.SpanInScope scope) {}

    private final ConsumerSpans spans;
    private final String group;
    private final ThreadLocal<Current> current = new ThreadLocal<>();

    RecordTracing(ConsumerSpans spans, String group) {
        this.spans = spans;
        this.group = group;
    }

    @Override
    public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
        finish(); // a record another interceptor skipped leaves its span open: never let it leak
        Span span = spans.start(record, group);
        current.set(new Current(span, spans.tracer().withSpan(span)));
        return record;
    }

    @Override
    public void failure(ConsumerRecord<K, V> record, Exception exception, Consumer<K, V> consumer) {
        Current now = current.get();
        if (now != null) {
            now.span().error(exception);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
        finish();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        finish();
    }

    private void finish() {
        Current now = current.get();
        if (now != null) {
            current.remove();
            now.scope().close();
            now.span().end();
        }
    }
}
