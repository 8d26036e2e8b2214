package fi.hyte.indicator.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region catalogue. It is static reference data, loaded once at startup from the Sotkanet files in the
 * module's resources ({@link SotkanetRegions}) and held in memory: it changes with municipal reforms, not
 * with use, and a new release of the service brings a new list.
 */
public class Regions {

    private final List<Region> all;
    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<Integer, Region> bySotkanetId = new HashMap<>();
    private final Map<String, List<Region>> members = new HashMap<>();

    Regions(List<Region> regions) {
        this.all = regions.stream().sorted(Comparator.comparing(Region::code)).toList();
        for (Region region : all) {
            if (byCode.putIfAbsent(region.code(), region) != null) {
                throw new IllegalStateException("region code " + region.code() + " is not unique");
            }
            index(region.sotkanetId(), region);
            region.formerSotkanetIds().forEach(id -> index(id, region));
            region.memberOf()
                    .forEach(parent -> members.computeIfAbsent(parent, p -> new ArrayList<>())
                            .add(region));
        }
    }

    private void index(int sotkanetId, Region region) {
        Region other = bySotkanetId.putIfAbsent(sotkanetId, region);
        if (other != null) {
            throw new IllegalStateException(
                    "Sotkanet id %d names both %s and %s".formatted(sotkanetId, other.code(), region.code()));
        }
    }

    /** Every region, ordered by code. */
    public List<Region> all() {
        return all;
    }

    /** The regions of a category ({@link RegionCategory}), ignoring case, ordered by code. */
    public List<Region> inCategory(String category) {
        return all.stream()
                .filter(region -> region.category().equalsIgnoreCase(category))
                .toList();
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The regions that belong to the region with this code, ordered by code: the municipalities of a
     * wellbeing services county (Vantaa-Kerava {@code HVA-4}: {@code 092} Vantaa, {@code 245} Kerava), of a
     * hospital district or of the country; none for a municipality.
     */
    public List<Region> members(String code) {
        return List.copyOf(members.getOrDefault(code, List.of()));
    }

    /** The region with this current or former Sotkanet id. */
    public Optional<Region> bySotkanetId(int sotkanetId) {
        return Optional.ofNullable(bySotkanetId.get(sotkanetId));
    }
}
