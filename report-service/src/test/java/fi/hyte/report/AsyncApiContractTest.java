package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.report.narrative.NarrativeEvent;
import fi.hyte.report.publication.PublicationEvent;
import fi.hyte.testsupport.AsyncApiContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/** The producer side of report-service's contract: every event it raises is documented, field by field. */
class AsyncApiContractTest {

    static final Map<String, Object> asyncApi = load("asyncapi.yaml");
    static final List<Class<?>> EVENTS = Stream.of(PublicationEvent.class, NarrativeEvent.class)
            .flatMap(events -> Arrays.stream(events.getPermittedSubclasses()))
            .toList();

    @Test
    void everyReportEventIsDocumentedWithAllItsFields() {
        AsyncApiContract.assertDocumentsEvery(PublicationEvent.class, "asyncapi.yaml");
        AsyncApiContract.assertDocumentsEvery(NarrativeEvent.class, "asyncapi.yaml");
    }

    @Test
    void documentsNoFieldAnEventDoesNotCarry() {
        for (Class<?> event : EVENTS) {
            assertThat(payloadProperties(typeOf(event)).keySet())
                    .as("documented payload fields of %s", typeOf(event))
                    .containsExactlyInAnyOrderElementsOf(components(event));
        }
    }

    @Test
    void thePublishedPayloadIsExactlyTheRecordComponents() {
        var json = JsonMapper.builder().build();
        for (Class<?> event : EVENTS) {
            assertThat(json.valueToTree(instance(event)).propertyNames())
                    .as("published fields of %s", event.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(components(event));
        }
    }

    @Test
    void everyMessageIsOnTheTopicTheBindingsPublishTo() {
        var channel = map(map(asyncApi, "channels"), "reportEvents");
        assertThat(channel.get("address")).isEqualTo("hyte.report.events");
        assertThat(map(channel, "messages").keySet())
                .containsExactlyInAnyOrderElementsOf(
                        map(map(asyncApi, "components"), "messages").keySet());
        var bindings = map(map(map(map(load("application.yml"), "spring"), "cloud"), "stream"), "bindings");
        assertThat(map(bindings, "events-out-0").get("destination")).isEqualTo(channel.get("address"));
    }

    private static List<String> components(Class<?> event) {
        return Arrays.stream(event.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadProperties(String type) {
        var message = map(map(asyncApi, "components"), "messages").values().stream()
                .map(m -> (Map<String, Object>) m)
                .filter(m -> type.equals(m.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " is not documented"));
        return map(map(map(map(message, "payload"), "properties"), "payload"), "properties");
    }

    private static String typeOf(Class<?> event) {
        return ((fi.hyte.support.event.DomainEvent) instance(event)).type();
    }

    private static Object instance(Class<?> event) {
        try {
            var components = event.getRecordComponents();
            var constructor = event.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(Arrays.stream(components)
                    .map(c -> c.getType() == int.class ? (Object) 0 : null)
                    .toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private static Map<String, Object> load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
