package fi.hyte.report.live;

import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the event log from every event topic (binding {@code liveEvents-in-0}, a consumer group of its own, so
 * the log does not depend on the read models and the read models not on it), and learns county membership
 * from the indicator catalogue.
 */
@Configuration(proxyBeanMethods = false)
class EventLogFeed {

    record CataloguePublished(List<County> counties) {
        record County(String code, List<String> municipalities) {}
    }

    @Bean
    Consumer<Message<byte[]>> liveEvents(EventReader reader, JsonMapper json, EventLog log, CountyMembers members) {
        return message -> {
            EventEnvelope event = reader.read(message.getPayload());
            if ("indicator.catalogue-published".equals(event.type())) {
                var catalogue = reader.payload(event, CataloguePublished.class);
                if (catalogue.counties() != null) {
                    members.learn(catalogue.counties().stream()
                            .map(c -> new CountyMembers.County(
                                    c.code(),
                                    c.municipalities() == null ? List.of() : c.municipalities(),
                                    event.occurredAt()))
                            .toList());
                }
            }
            // compact, one line: an SSE data field must not contain line breaks
            log.append(event, json.writeValueAsString(json.readTree(message.getPayload())));
        };
    }
}
