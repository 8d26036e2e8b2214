package fi.hyte.plan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.support.event.EventReader;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** The consumer's own record of {@code indicator.catalogue-published} reads a recorded example of it. */
class CatalogueEventReadingTest {

    @Test
    void readsTheRecordedCatalogueAnnouncement() throws IOException {
        var reader = new EventReader(JsonMapper.builder().build());
        byte[] recorded;
        try (InputStream in = new ClassPathResource("events/indicator.catalogue-published.v1.json").getInputStream()) {
            recorded = in.readAllBytes();
        }

        var event = reader.read(recorded);
        var catalogue = reader.payload(event, CatalogueConsumer.CataloguePublished.class);

        assertThat(event.type()).isEqualTo("indicator.catalogue-published");
        assertThat(event.occurredAt()).isNotNull();
        assertThat(catalogue.contentHash()).startsWith("sha256:");
        assertThat(catalogue.indicators()).hasSize(2434).contains(243, 289, 3501, 4284, 4459);
        assertThat(catalogue.counties())
                .contains(new KnownCatalogue.County(
                        "HVA-2", java.util.List.of("106", "186", "505", "543", "611", "858")));
    }
}
