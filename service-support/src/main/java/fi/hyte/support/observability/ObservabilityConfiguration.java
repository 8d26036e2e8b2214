package fi.hyte.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Metrics every service exposes besides Spring's own: the dead-letter gauge over the service's dead-letter topics
 * ({@code hyte.metrics.dead-letter-topics}, by default {@code hyte.<application name>.dlq}); and the consumers' spans:
 * every Kafka consumer binding continues the trace of each record it consumes ({@link ConsumerTracing}).
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

    /** Primary: the binder takes a customizer only when it is the one (or the primary) bean of its type. */
    @Bean
    @Primary
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> consumerTracing(
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator,
            ObjectProvider<ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>> others) {
        return new ConsumerTracing(
                () -> {
                    Tracer t = tracer.getIfAvailable();
                    Propagator p = propagator.getIfAvailable();
                    return t == null || p == null ? null : new ConsumerSpans(t, p);
                },
                others::orderedStream);
    }
}
