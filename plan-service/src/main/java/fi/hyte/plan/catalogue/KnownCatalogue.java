package fi.hyte.plan.catalogue;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last indicator catalogue announced by indicator-service ({@code indicator.catalogue-published}), one
 * document for the whole catalogue.
 *
 * @param contentHash the catalogue's content hash as announced
 * @param indicators every Sotkanet indicator id of the catalogue
 * @param counties wellbeing services counties whose member municipalities the catalogue knows
 * @param publishedAt when the announcing event occurred; an event not newer than this changes nothing
 */
@Document("indicator_catalogue")
record KnownCatalogue(
        @Id String id, String contentHash, List<Integer> indicators, List<County> counties, Instant publishedAt) {

    static final String ID = "indicators";

    /** A county and its member municipalities (official three-digit codes). */
    record County(String code, List<String> municipalities) {}
}
