package fi.hyte.report.live;

import fi.hyte.report.intake.DeadLetterSender;
import fi.hyte.report.intake.EventBatches;
import fi.hyte.report.intake.Received;
import fi.hyte.support.event.EventEnvelope;
import fi.hyte.support.event.EventReader;
import fi.hyte.support.event.UnreadableEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the event log from every event topic (binding {@code liveEvents-in-0}, a consumer group of its own, so
 * the log does not depend on the read models and the read models not on it), a consumed batch at a time, and
 * learns county membership from the indicator catalogue.
 */
@Configuration(proxyBeanMethods = false)
class EventLogFeed {

    /**
     * A record of the producers' topics that is not an event is dead-lettered once, by the read models' consumers,
     * which read those topics too; the log dead-letters only what they do not read: report-service's own events.
     */
    static final Predicate<String> OWN_TOPIC_ONLY = "hyte.report.events"::equals;

    record CataloguePublished(List<County> counties) {
        record County(String code, List<String> municipalities) {}
    }

    @Bean
    Consumer<Message<List<byte[]>>> liveEvents(
            EventBatches batches,
            DeadLetterSender deadLetters,
            EventReader reader,
            JsonMapper json,
            EventLog log,
            CountyMembers members) {
        return batch -> {
            var entries = new ArrayList<EventLog.Entry>();
            for (Received received : batches.read(batch, "liveEvents", OWN_TOPIC_ONLY)) {
                EventEnvelope event = received.event();
                try {
                    if ("indicator.catalogue-published".equals(event.type())) {
                        learn(reader, members, event);
                    }
                    // compact, one line: an SSE data field must not contain line breaks
                    entries.add(new EventLog.Entry(event, json.writeValueAsString(json.readTree(received.body()))));
                } catch (UnreadableEvent e) {
                    deadLetters.send(received, "liveEvents", e);
                }
            }
            log.append(entries);
        };
    }

    private static void learn(EventReader reader, CountyMembers members, EventEnvelope event) {
        var catalogue = reader.payload(event, CataloguePublished.class);
        if (catalogue.counties() != null) {
            members.learn(catalogue.counties().stream()
                    .map(c -> new CountyMembers.County(
                            c.code(), c.municipalities() == null ? List.of() : c.municipalities(), event.occurredAt()))
                    .toList());
        }
    }
}
