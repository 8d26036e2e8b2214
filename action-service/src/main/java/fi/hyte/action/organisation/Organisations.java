package fi.hyte.action.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The organisations catalogue: reference data shipped with the service ({@code organisations.json}). */
@Component
public class Organisations {

    private final List<Organisation> all;

    Organisations(JsonMapper json) {
        try (InputStream in = new ClassPathResource("organisations.json").getInputStream()) {
            this.all = List.copyOf(json.readValue(in, new TypeReference<List<Organisation>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Organisation> all() {
        return all;
    }

    public Optional<Organisation> byId(String id) {
        return all.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
