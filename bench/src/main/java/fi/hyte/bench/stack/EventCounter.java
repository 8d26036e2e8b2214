package fi.hyte.bench.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the events of one type that appear on a topic from now on, with the distinct keys among them, on its own
 * thread: a benchmark's end is when the last event it caused has been emitted, and a duplicate shows as more events
 * than distinct keys.
 */
public final class EventCounter implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final byte[] typeMarker;
    private final AtomicLong seen = new AtomicLong();
    private final Set<String> keys = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    public EventCounter(String bootstrap, String topic, String type) {
        this.typeMarker = ("\"type\":\"" + type + "\"").getBytes(StandardCharsets.UTF_8);
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before the benchmark writes
        this.thread = Thread.ofPlatform().daemon().name("event-counter").start(this::consume);
    }

    private void consume() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (contains(record.value(), typeMarker)) {
                        synchronized (keys) {
                            keys.add(record.key());
                        }
                        seen.incrementAndGet();
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Events of the type seen so far. */
    public long seen() {
        return seen.get();
    }

    /** Distinct keys among them. */
    public long distinctKeys() {
        synchronized (keys) {
            return keys.size();
        }
    }

    /** Waits until at least {@code count} events were seen; false on timeout. */
    public boolean awaitAtLeast(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
