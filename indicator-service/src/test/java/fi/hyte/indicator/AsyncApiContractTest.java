package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.support.event.DomainEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * The producer side of the event contract: every event type this service can raise is documented in
 * {@code asyncapi.yaml}, on the topic the bindings name, with a payload schema listing exactly the fields
 * the event record publishes.
 */
class AsyncApiContractTest {

    static final Map<String, Object> asyncApi = load("asyncapi.yaml");

    @Test
    void documentsEveryEventTypeTheServiceRaises() throws Exception {
        List<DomainEvent> events = raisableEvents();
        assertThat(events)
                .extracting(DomainEvent::type)
                .containsExactlyInAnyOrder(
                        "indicator.updated",
                        "feed.accepted",
                        "feed.completed",
                        "feed.rejected",
                        "indicator.catalogue-published");

        Map<String, Map<String, Object>> messagesByName = map(map(asyncApi, "components"), "messages").values().stream()
                .map(AsyncApiContractTest::asMap)
                .collect(Collectors.toMap(message -> (String) message.get("name"), Function.identity()));
        for (DomainEvent event : events) {
            assertThat(messagesByName).as("message named %s", event.type()).containsKey(event.type());
            Map<String, Object> envelope = asMap(
                    ((List<?>) map(messagesByName.get(event.type()), "payload").get("allOf")).get(1));
            Map<String, Object> properties = map(envelope, "properties");
            assertThat(map(properties, "type").get("const")).isEqualTo(event.type());
            assertThat(map(properties, "schemaVersion").get("const")).isEqualTo(event.schemaVersion());

            Map<String, Object> payload =
                    schema((String) map(properties, "payload").get("$ref"));
            List<String> fields = Arrays.stream(event.getClass().getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
            assertThat(map(payload, "properties").keySet())
                    .as("payload fields of %s", event.type())
                    .containsExactlyInAnyOrderElementsOf(fields);
            assertThat(fields).as("required fields of %s", event.type()).containsAll(strings(payload.get("required")));
        }
    }

    @Test
    void documentsTheTopicTheBindingsPublishTo() {
        Map<String, Object> channel = map(map(asyncApi, "channels"), "indicatorEvents");
        assertThat(channel.get("address")).isEqualTo("hyte.indicator.events");
        assertThat(map(channel, "messages"))
                .hasSize(map(map(asyncApi, "components"), "messages").size());

        Map<String, Object> bindings =
                map(map(map(map(load("application.yml"), "spring"), "cloud"), "stream"), "bindings");
        assertThat(map(bindings, "events-out-0").get("destination")).isEqualTo(channel.get("address"));
    }

    /** One instance of every concrete {@link DomainEvent} record in this service, with default fields. */
    static List<DomainEvent> raisableEvents() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
        var events = new java.util.ArrayList<DomainEvent>();
        for (var candidate : scanner.findCandidateComponents("fi.hyte.indicator")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
            assertThat(type.isRecord()).as("%s is a record", type).isTrue();
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] defaults =
                    Arrays.stream(types).map(AsyncApiContractTest::zero).toArray();
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            events.add((DomainEvent) constructor.newInstance(defaults));
        }
        return events;
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == long.class) {
            return 0L;
        }
        return 0;
    }

    private static Map<String, Object> schema(String ref) {
        assertThat(ref).startsWith("#/components/schemas/");
        return map(map(map(asyncApi, "components"), "schemas"), ref.substring("#/components/schemas/".length()));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object list) {
        return list == null
                ? List.of()
                : ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
