package fi.hyte.plan.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The indicator catalogue as plan-service last learnt it from {@code hyte.indicator.events}. Only one
 * instance of the service consumes each announcement, so every instance reads the stored copy: it looks at
 * its content hash on each use and reloads the ids only when the hash has changed.
 */
@Component
public class IndicatorCatalogue {

    private final MongoTemplate mongo;
    private final AtomicReference<Known> cached = new AtomicReference<>();

    IndicatorCatalogue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The catalogue, or empty if none has been announced yet. */
    public Optional<Known> current() {
        var byId = Query.query(Criteria.where("_id").is(KnownCatalogue.ID));
        byId.fields().include("contentHash");
        var stored = mongo.findOne(byId, KnownCatalogue.class);
        if (stored == null) {
            return Optional.empty();
        }
        Known known = cached.get();
        if (known != null && known.contentHash().equals(stored.contentHash())) {
            return Optional.of(known);
        }
        var full = mongo.findById(KnownCatalogue.ID, KnownCatalogue.class);
        if (full == null) {
            return Optional.empty();
        }
        known = Known.of(full);
        cached.set(known);
        return Optional.of(known);
    }

    /**
     * A catalogue as announced.
     *
     * @param municipalities per wellbeing services county whose members are known, its municipalities
     */
    public record Known(String contentHash, Set<Integer> indicators, Map<String, Set<String>> municipalities) {

        static Known of(KnownCatalogue stored) {
            List<KnownCatalogue.County> counties = stored.counties() == null ? List.of() : stored.counties();
            return new Known(
                    stored.contentHash(),
                    Set.copyOf(stored.indicators()),
                    counties.stream()
                            .collect(Collectors.toUnmodifiableMap(
                                    KnownCatalogue.County::code, county -> Set.copyOf(county.municipalities()))));
        }

        public boolean hasIndicator(int id) {
            return indicators.contains(id);
        }

        /** The member municipalities of a county, if the catalogue knows them. */
        public Optional<Set<String>> municipalitiesOf(String county) {
            return Optional.ofNullable(municipalities.get(county));
        }
    }
}
