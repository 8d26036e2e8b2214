package fi.hyte.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import tools.jackson.databind.json.JsonMapper;

/** Wires the outbox: every {@link OutboxAggregate} document collection is relayed to the events binding. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingServiceConfiguration"
        })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The Kafka producer of the relay, configured from the binder's own settings (brokers, extra client
     * configuration, partition count) and the destination of the relay's binding, so that nothing about
     * Kafka is configured twice.
     */
    @Bean
    @ConditionalOnMissingBean
    OutboxSender outboxSender(Environment environment, OutboxProperties properties) {
        var binder = Binder.get(environment);
        String prefix = "spring.cloud.stream.kafka.binder.";
        Map<String, Object> config = new HashMap<>();
        binder.bind(prefix + "configuration", Bindable.mapOf(String.class, String.class))
                .ifBound(config::putAll);
        binder.bind(prefix + "producer-properties", Bindable.mapOf(String.class, String.class))
                .ifBound(config::putAll);
        List<String> brokers = binder.bind(prefix + "brokers", Bindable.listOf(String.class))
                .orElseGet(() -> binder.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                        .orElse(List.of("localhost:9092")));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", brokers));
        String topic = environment.getProperty(
                "spring.cloud.stream.bindings." + properties.binding() + ".destination", properties.binding());
        int partitions =
                binder.bind(prefix + "min-partition-count", Integer.class).orElse(1);
        return new KafkaOutboxSender(config, topic, partitions);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            MongoMappingContext mapping,
            OutboxSender sender,
            OutboxProperties properties,
            MeterRegistry meters) {
        List<String> collections = mapping.getPersistentEntities().stream()
                .filter(entity -> OutboxAggregate.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .sorted()
                .toList();
        return new OutboxRelay(mongo, sender, properties, collections, meters);
    }

    @Bean
    OutboxStamper outboxStamper(
            MongoTemplate mongo,
            JsonMapper json,
            Clock clock,
            OutboxRelay relay,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new OutboxStamper(mongo, json, clock, relay, () -> traceparent(tracer, propagator));
    }

    /** The current span's W3C {@code traceparent}, or null when nothing is traced. */
    static String traceparent(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null || propagator == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
