package fi.hyte.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The producer side of an event contract: every event record a service can raise is documented in its
 * {@code asyncapi.yaml} under its logical type, with every payload field the record carries.
 */
public final class AsyncApiContract {

    private AsyncApiContract() {}

    /**
     * @param events the sealed interface whose permitted records are the events
     * @param resource the AsyncAPI document on the classpath
     */
    @SuppressWarnings("unchecked")
    public static void assertDocumentsEvery(Class<?> events, String resource) {
        Map<String, Object> document;
        try (InputStream in = events.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the classpath", resource).isNotNull();
            document = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var messages = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("messages");
        for (Class<?> event : events.getPermittedSubclasses()) {
            String type = typeOf(event);
            var message = messages.values().stream()
                    .map(m -> (Map<String, Object>) m)
                    .filter(m -> type.equals(m.get("name")))
                    .findFirst();
            assertThat(message)
                    .as("%s (%s) is documented in %s", type, event.getSimpleName(), resource)
                    .isPresent();
            var payload = (Map<String, Object>) message.get().get("payload");
            var properties = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) payload.get("properties")).get("payload"))
                            .get("properties");
            for (RecordComponent component : event.getRecordComponents()) {
                assertThat(properties)
                        .as("payload field %s of %s is documented", component.getName(), type)
                        .containsKey(component.getName());
            }
        }
    }

    private static String typeOf(Class<?> event) {
        try {
            var constructor = event.getDeclaredConstructor(Arrays.stream(event.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            Object[] arguments = Arrays.stream(event.getRecordComponents())
                    .map(c -> defaultValue(c.getType()))
                    .toArray();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance(arguments);
            return (String) event.getMethod("type").invoke(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the type of " + event, e);
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        return 0;
    }
}
