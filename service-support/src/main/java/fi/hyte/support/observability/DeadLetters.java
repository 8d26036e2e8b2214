package fi.hyte.support.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gauge {@code hyte.dead.letters{topic}}: how many messages a service's dead-letter topics hold (end minus start
 * offsets over their partitions), read from the broker every {@code interval}. Counting on the broker rather than in
 * the process counts what every instance dead-lettered, and survives restarts. A topic that does not exist yet
 * holds nothing.
 */
class DeadLetters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final String bootstrap;
    private final List<String> topics;
    private final Duration interval;
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile Admin admin;

    DeadLetters(String bootstrap, List<String> topics, Duration interval, MeterRegistry meters) {
        this.bootstrap = bootstrap;
        this.topics = List.copyOf(topics);
        this.interval = interval;
        for (String topic : this.topics) {
            held.put(topic, 0L);
            Gauge.builder("hyte.dead.letters", held, h -> h.getOrDefault(topic, 0L))
                    .description("Messages held by a dead-letter topic")
                    .tag("topic", topic)
                    .register(meters);
        }
    }

    /** Reads the topics' sizes from the broker now. */
    void refresh() {
        try {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String topic : topics) {
                if (existing.contains(topic)) {
                    held.put(topic, size(topic));
                }
            }
        } catch (Exception e) {
            log.debug("Dead-letter topics not read this time: {}", e.toString());
        }
    }

    private long size(String topic) throws Exception {
        var partitions = admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(p -> {
            latest.put(p, OffsetSpec.latest());
            earliest.put(p, OffsetSpec.earliest());
        });
        long end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset())
                .sum();
        long start = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset())
                .sum();
        return end - start;
    }

    @Override
    public void start() {
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("dead-letter-gauge").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            admin.close(Duration.ofSeconds(2));
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
