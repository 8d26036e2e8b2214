package fi.hyte.report.narrative;

import fi.hyte.report.projection.Generation;
import fi.hyte.support.event.EventContext;
import fi.hyte.support.web.Problem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads and writes narratives; a write based on a stale revision is refused. */
@Service
public class Narratives {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Generation generation;

    Narratives(MongoTemplate mongo, Clock clock, Generation generation) {
        this.mongo = mongo;
        this.clock = clock;
        this.generation = generation;
    }

    public Optional<Narrative> find(String region, int year) {
        return Optional.ofNullable(mongo.findById(Narrative.idOf(region, year), Narrative.class));
    }

    /**
     * Writes the narrative; {@code expectedRevision}, when given, must be the stored one (412 otherwise), so
     * that two coordinators do not overwrite each other unseen.
     */
    public Narrative write(
            String region, int year, String summary, List<Narrative.Commentary> commentary, Long expectedRevision) {
        Narrative narrative = find(region, year).orElseGet(() -> Narrative.empty(region, year));
        if (expectedRevision != null && expectedRevision != narrative.revision()) {
            throw Problem.preconditionFailed("the narrative is at revision %d, not %d: read it again"
                    .formatted(narrative.revision(), expectedRevision));
        }
        narrative.write(summary, commentary, EventContext.actor(), clock.instant());
        Narrative saved = mongo.save(narrative);
        generation.advance();
        return saved;
    }
}
