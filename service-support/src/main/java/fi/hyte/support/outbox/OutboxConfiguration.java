package fi.hyte.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
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

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            MongoMappingContext mapping,
            StreamBridge bridge,
            OutboxProperties properties,
            MeterRegistry meters) {
        List<String> collections = mapping.getPersistentEntities().stream()
                .filter(entity -> OutboxAggregate.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .sorted()
                .toList();
        return new OutboxRelay(mongo, bridge, properties, collections, meters);
    }

    @Bean
    OutboxStamper outboxStamper(MongoTemplate mongo, JsonMapper json, Clock clock, OutboxRelay relay) {
        return new OutboxStamper(mongo, json, clock, relay);
    }
}
