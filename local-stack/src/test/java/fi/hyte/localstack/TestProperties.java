package fi.hyte.localstack;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@link LocalStackProperties} the way Spring Boot does, defaults included. */
final class TestProperties {

    private TestProperties() {}

    static LocalStackProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hyte.local", LocalStackProperties.class);
    }
}
