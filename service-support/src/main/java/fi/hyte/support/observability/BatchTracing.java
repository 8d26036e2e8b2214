package fi.hyte.support.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * For a batch-mode consumer: one span per record of the batch, each the child of its own record's trace, all
 * ended when the function has handled the batch (with the error when it failed). One function call handles records
 * of many traces, so only the first record's span is in scope while it runs: its log lines carry that trace.
 */
final class BatchTracing<K, V> implements BatchInterceptor<K, V> {

    private record Current(List<Span> spans, Tracer.SpanInScope scope) {}

    private final ConsumerSpans spans;
    private final String group;
    private final ThreadLocal<Current> current = new ThreadLocal<>();

    BatchTracing(ConsumerSpans spans, String group) {
        this.spans = spans;
        this.group = group;
    }

    @Override
    public ConsumerRecords<K, V> intercept(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
        finish(null);
        if (records.isEmpty()) {
            return records;
        }
        List<Span> started = new ArrayList<>(records.count());
        for (ConsumerRecord<K, V> record : records) {
            started.add(spans.start(record, group));
        }
        current.set(new Current(started, spans.tracer().withSpan(started.get(0))));
        return records;
    }

    @Override
    public void success(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
        finish(null);
    }

    @Override
    public void failure(ConsumerRecords<K, V> records, Exception exception, Consumer<K, V> consumer) {
        finish(exception);
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        finish(null);
    }

    private void finish(Exception failure) {
        Current now = current.get();
        if (now == null) {
            return;
        }
        current.remove();
        now.scope().close();
        for (Span span : now.spans()) {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        }
    }
}
