package fi.hyte.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends outbox events with one idempotent producer ({@code enable.idempotence}, {@code acks=all}), so that
 * retries inside the client neither duplicate nor reorder the events of a partition while many are in
 * flight. The topic is the destination of the relay's binding, created on first use with the binder's
 * partition count as the binder would; the headers are written the way the Kafka binder writes them, so
 * that binder consumers read {@code contentType} and {@code hyte_event_type} as before.
 */
class KafkaOutboxSender implements OutboxSender, AutoCloseable {

    private static final byte[] CONTENT_TYPE = json("application/json");
    private static final byte[] HEADER_TYPES =
            "{\"contentType\":\"java.lang.String\",\"hyte_event_type\":\"java.lang.String\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private final Map<String, Object> config;
    private final String topic;
    private final int partitions;
    private volatile KafkaProducer<byte[], byte[]> producer;

    KafkaOutboxSender(Map<String, Object> clientConfig, String topic, int partitions) {
        this.config = new HashMap<>(clientConfig);
        this.topic = topic;
        this.partitions = partitions;
    }

    @Override
    public CompletableFuture<Void> send(PendingEvent event) {
        var headers = new ArrayList<Header>(List.of(
                new RecordHeader("contentType", CONTENT_TYPE),
                new RecordHeader("hyte_event_type", json(event.type())),
                new RecordHeader("spring_json_header_types", HEADER_TYPES)));
        if (event.traceparent() != null) {
            // raw, as the W3C propagator reads it on the consumer's side
            headers.add(new RecordHeader("traceparent", event.traceparent().getBytes(StandardCharsets.UTF_8)));
        }
        var record = new ProducerRecord<>(
                topic,
                null,
                event.key().getBytes(StandardCharsets.UTF_8),
                event.envelope().getBytes(StandardCharsets.UTF_8),
                headers);
        var acknowledged = new CompletableFuture<Void>();
        producer().send(record, (metadata, failure) -> {
            if (failure == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        return acknowledged;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (producer == null) {
                ensureTopic();
                var producerConfig = new HashMap<>(config);
                producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
                producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                producerConfig.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
                producerConfig.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
                producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + topic);
                producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
            }
            return producer;
        }
    }

    private void ensureTopic() {
        try (var admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    private static byte[] json(String text) {
        return ("\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
