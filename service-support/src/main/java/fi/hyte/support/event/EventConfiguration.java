package fi.hyte.support.event;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Makes the tolerant {@link EventReader} available to every consumer. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class EventConfiguration {

    @Bean
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }
}
