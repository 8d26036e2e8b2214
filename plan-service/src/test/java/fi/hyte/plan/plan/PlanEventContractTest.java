package fi.hyte.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.testsupport.AsyncApiContract;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

class PlanEventContractTest {

    static final Map<String, Object> asyncApi = load("asyncapi.yaml");

    @Test
    void everyPlanEventIsDocumentedWithAllItsFields() {
        AsyncApiContract.assertDocumentsEvery(PlanEvent.class, "asyncapi.yaml");
    }

    @Test
    void documentsNoFieldAnEventDoesNotCarry() {
        for (Class<?> event : PlanEvent.class.getPermittedSubclasses()) {
            String type = typeOf(event);
            List<String> components = Arrays.stream(event.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
            assertThat(payloadProperties(type).keySet())
                    .as("documented payload fields of %s", type)
                    .containsExactlyInAnyOrderElementsOf(components);
        }
    }

    @Test
    void thePublishedPayloadIsExactlyTheRecordComponents() {
        var json = JsonMapper.builder().build();
        for (Class<?> event : PlanEvent.class.getPermittedSubclasses()) {
            var payload = json.valueToTree(instance(event));
            List<String> components = Arrays.stream(event.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
            assertThat(payload.propertyNames())
                    .as("published fields of %s (the history's sentence is not one of them)", event.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(components);
        }
    }

    @Test
    void everyMessageIsOnTheTopicTheBindingsPublishTo() {
        var channel = map(map(asyncApi, "channels"), "planEvents");
        assertThat(channel.get("address")).isEqualTo("hyte.plan.events");
        assertThat(map(channel, "messages").keySet())
                .containsExactlyInAnyOrderElementsOf(
                        map(map(asyncApi, "components"), "messages").keySet());
        assertThat(map(map(asyncApi, "components"), "messages"))
                .hasSize(PlanEvent.class.getPermittedSubclasses().length);

        var bindings = map(map(map(map(load("application.yml"), "spring"), "cloud"), "stream"), "bindings");
        assertThat(map(bindings, "events-out-0").get("destination")).isEqualTo(channel.get("address"));
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
        return ((PlanEvent) instance(event)).type();
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
            throw new java.io.UncheckedIOException(e);
        }
    }
}
