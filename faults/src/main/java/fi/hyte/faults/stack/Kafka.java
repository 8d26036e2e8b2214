package fi.hyte.faults.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the suite does to and reads from the broker directly: lag, offset resets, raw records, dead letters. */
public final class Kafka {

    private final String bootstrap;

    public Kafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** Records not yet consumed, per consumer group (the services' groups; empty groups count too). */
    public Map<String, Long> lag() throws Exception {
        try (Admin admin = admin()) {
            List<String> groups = admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .toList();
            Map<String, Long> lag = new TreeMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(15, TimeUnit.SECONDS);
                Map<TopicPartition, Long> ends = ends(admin, committed.keySet());
                long total = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        total += Math.max(0, ends.get(e.getKey()) - e.getValue().offset());
                    }
                }
                lag.put(group, total);
            }
            return lag;
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        partitions.forEach(p -> spec.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(spec).all().get(15, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    /** Sets every committed offset of the (inactive) group to the beginning of its partitions. */
    public void resetToEarliest(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            Map.of(group, new ListConsumerGroupOffsetsSpec()))
                    .partitionsToOffsetAndMetadata(group)
                    .get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            committed.keySet().forEach(p -> spec.put(p, OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> earliest = new HashMap<>();
            admin.listOffsets(spec)
                    .all()
                    .get(15, TimeUnit.SECONDS)
                    .forEach((p, info) -> earliest.put(p, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, earliest).all().get(15, TimeUnit.SECONDS);
        }
    }

    /** Sends records as they are (key and value bytes), acknowledged. */
    public void send(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            records.forEach(r -> sent.add(producer.send(r)));
            for (var f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** Every record of a topic from the beginning (what is there now). */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    /** The topics whose names end in {@code .dlq}. */
    public Set<String> deadLetterTopics() throws Exception {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlq"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** Records in each dead-letter topic whose value contains {@code marker}. */
    public Map<String, Long> deadLetters(String marker) throws Exception {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        Map<String, Long> counts = new TreeMap<>();
        for (String topic : deadLetterTopics()) {
            long n = readAll(topic).stream()
                    .filter(r -> r.value() != null && contains(r.value(), needle))
                    .count();
            counts.put(topic, n);
        }
        return counts;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
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

    public String bootstrap() {
        return bootstrap;
    }
}
