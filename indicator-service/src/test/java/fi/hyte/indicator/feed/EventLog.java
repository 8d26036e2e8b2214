package fi.hyte.indicator.feed;

import static org.awaitility.Awaitility.await;

import fi.hyte.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything on a topic from the moment the log is opened, read by partition without a consumer group
 * (from the end, not the beginning: other tests in the JVM may have left many thousands of events).
 */
final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<JsonNode> seen = new ArrayList<>();

    EventLog(String topic) {
        createIfMissing(topic);
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        var partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the positions now, before the test produces anything
    }

    /** The topic with the binder's partition count, before anyone reads it. */
    private static void createIfMissing(String topic) {
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            seen.add(json.readTree(record.value()));
        }
    }

    void pollFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
    }

    List<JsonNode> awaitAtLeast(Predicate<JsonNode> match, int count, Duration timeout) {
        await().atMost(timeout).pollInSameThread().until(() -> {
            poll();
            return count(match) >= count;
        });
        return matching(match);
    }

    List<JsonNode> matching(Predicate<JsonNode> match) {
        return seen.stream().filter(match).toList();
    }

    long count(Predicate<JsonNode> match) {
        return seen.stream().filter(match).count();
    }

    static Predicate<JsonNode> typed(String type) {
        return event -> type.equals(event.get("type").asString());
    }

    static Predicate<JsonNode> ofFeed(String feedId) {
        return event -> feedId.equals(event.at("/payload/feedId").asString());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
