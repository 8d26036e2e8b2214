package fi.hyte.indicator.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code rawFeeds} function, bound to {@code hyte.indicator.feeds} in batch mode (binding
 * {@code rawFeeds-in-0}, group {@code indicator-service}). A batch that fails (MongoDB or Kafka away) is
 * tried again here with a growing pause, so that the partition waits rather than skips rows.
 */
@Configuration(proxyBeanMethods = false)
class RawFeedConsumer {

    private static final Logger log = LoggerFactory.getLogger(RawFeedConsumer.class);
    private static final int ATTEMPTS = 6;

    @Bean
    Consumer<Message<List<byte[]>>> rawFeeds(RawFeedIntake feeds) {
        return batch -> {
            List<byte[]> messages = batch.getPayload();
            List<RawFeedIntake.Origin> origins = origins(batch, messages.size());
            for (int attempt = 1; ; attempt++) {
                try {
                    feeds.accept(messages, origins);
                    return;
                } catch (RuntimeException e) {
                    if (attempt >= ATTEMPTS) {
                        throw e;
                    }
                    Duration pause = Duration.ofSeconds(1L << (attempt - 1));
                    log.warn("Raw feed batch failed (attempt {}), retrying in {}: {}", attempt, pause, e.toString());
                    sleep(pause);
                }
            }
        };
    }

    private static List<RawFeedIntake.Origin> origins(Message<List<byte[]>> batch, int size) {
        List<?> topics = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC), size);
        List<?> partitions = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION), size);
        List<?> offsets = list(batch.getHeaders().get(KafkaHeaders.OFFSET), size);
        Object keyHeader = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        List<?> keys = keyHeader instanceof List<?> list && list.size() == size ? list : null;
        List<RawFeedIntake.Origin> origins = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            origins.add(new RawFeedIntake.Origin(
                    String.valueOf(topics.get(i)),
                    ((Number) partitions.get(i)).intValue(),
                    ((Number) offsets.get(i)).longValue(),
                    keys == null ? null : key(keys.get(i))));
        }
        return origins;
    }

    private static byte[] key(Object key) {
        if (key instanceof byte[] bytes) {
            return bytes;
        }
        return key == null ? null : key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<?> list(Object header, int size) {
        if (header instanceof List<?> list && list.size() == size) {
            return list;
        }
        throw new IllegalStateException("batch header missing or of the wrong size: " + header);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a raw feed batch", e);
        }
    }
}
