package fi.hyte.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Metrics every service exposes besides Spring's own: the dead-letter gauge over the service's dead-letter topics
 * ({@code hyte.metrics.dead-letter-topics}, by default {@code hyte.<application name>.dlq}).
 */
@AutoConfiguration
public class ObservabilityConfiguration {

    @Bean
    @ConditionalOnProperty("spring.cloud.stream.kafka.binder.brokers")
    DeadLetters deadLetters(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${hyte.metrics.dead-letter-topics:hyte.${spring.application.name}.dlq}") List<String> topics,
            @Value("${hyte.metrics.dead-letter-interval:15s}") Duration interval,
            MeterRegistry meters) {
        return new DeadLetters(brokers, topics, interval, meters);
    }
}
