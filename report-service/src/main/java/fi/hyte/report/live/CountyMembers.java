package fi.hyte.report.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Which municipalities belong to which wellbeing services county, as the latest
 * {@code indicator.catalogue-published} says; kept in Mongo so a restarted or second instance knows it
 * without the catalogue being sent again, and cached in memory because every streamed event is matched.
 */
@Component
class CountyMembers {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    @Document("county_members")
    record County(@Id String code, List<String> municipalities, Instant catalogueAt) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile Map<String, Set<String>> members = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    CountyMembers(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Keeps the counties of a catalogue unless a newer catalogue is already known. */
    void learn(List<County> counties) {
        for (County county : counties) {
            var known = mongo.findById(county.code(), County.class);
            if (known == null
                    || known.catalogueAt() == null
                    || !known.catalogueAt().isAfter(county.catalogueAt())) {
                mongo.save(county);
            }
        }
        reload();
    }

    /** The region itself and, for a county, its member municipalities. */
    Set<String> regionsOf(String region) {
        if (clock.instant().isAfter(loadedAt.plus(REFRESH))) {
            reload();
        }
        Set<String> municipalities = members.getOrDefault(region, Set.of());
        return Stream.concat(Stream.of(region), municipalities.stream()).collect(Collectors.toUnmodifiableSet());
    }

    private void reload() {
        Map<String, Set<String>> loaded = new ConcurrentHashMap<>();
        for (County county : mongo.findAll(County.class)) {
            loaded.put(county.code(), Set.copyOf(county.municipalities()));
        }
        members = loaded;
        loadedAt = clock.instant();
    }
}
