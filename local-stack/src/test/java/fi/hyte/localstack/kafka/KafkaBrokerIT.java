package fi.hyte.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.localstack.process.SupervisedProcess;
import fi.hyte.localstack.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<String> console = new CopyOnWriteArrayList<>();
    private SupervisedProcess process;

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void formatsTheStorageOnlyTheFirstTime() throws Exception {
        KafkaBroker broker = broker(TestJars.freePortPair());

        String clusterId = broker.prepare();

        assertThat(clusterId).isNotBlank();
        assertThat(dir.resolve("kafka/meta.properties")).content().contains("cluster.id=" + clusterId);
        assertThat(broker.prepare()).isNull();
        assertThat(dir.resolve("kafka/meta.properties")).content().contains("cluster.id=" + clusterId);
    }

    @Test
    void deliversARecordFromAProducerToAConsumer() throws Exception {
        int port = TestJars.freePortPair();
        KafkaBroker broker = broker(port);
        broker.prepare();
        process = new SupervisedProcess(broker.childSpec(), scheduler, console::add);

        long start = System.nanoTime();
        process.start();
        assertThat(process.awaitHealthy(Duration.ofSeconds(60))).isTrue();
        System.out.printf(
                "Kafka healthy after %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("hyte.test", "plan-1", "approved"))
                    .get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of("hyte.test"));
            List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("plan-1");
                assertThat(record.value()).isEqualTo("approved");
            });
        }
        // Auto-created with the broker's default partition count.
        assertThat(Files.list(dir.resolve("kafka")).map(p -> p.getFileName().toString()))
                .contains("hyte.test-0", "hyte.test-1", "hyte.test-2");
    }

    @Test
    void stopsGracefullyAndLeavesNoProcessBehind() throws Exception {
        KafkaBroker broker = broker(TestJars.freePortPair());
        broker.prepare();
        process = new SupervisedProcess(broker.childSpec(), scheduler, console::add);
        process.start();
        process.awaitHealthy(Duration.ofSeconds(60));
        long pid = process.status().pid();

        long start = System.nanoTime();
        process.stop();
        System.out.printf(
                "Kafka stopped in %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());

        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(broker.isHealthy()).isFalse();
        assertThat(console).noneMatch(line -> line.contains("killing"));
        assertThat(dir.resolve("kafka.log")).content().contains("Kafka Server started", "shut down completed");
    }

    @Test
    void isRestartedBySupervisorAfterSigkill() throws Exception {
        KafkaBroker broker = broker(TestJars.freePortPair());
        broker.prepare();
        process = new SupervisedProcess(broker.childSpec(), scheduler, console::add);
        process.start();
        assertThat(process.awaitHealthy(Duration.ofSeconds(120))).isTrue();
        long pid = process.status().pid();

        process.kill();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(process.awaitHealthy(Duration.ofSeconds(120)))
                .as("restarted and healthy again; console: %s", console)
                .isTrue();
        assertThat(process.status().pid()).isNotEqualTo(pid);
        assertThat(console).anyMatch(line -> line.contains("kafka exited with code"));
    }

    private KafkaBroker broker(int port) {
        return new KafkaBroker(port, port + 1, dir.resolve("kafka"), dir.resolve("kafka.log"), JVM_OPTIONS);
    }
}
