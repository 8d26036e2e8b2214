package fi.hyte.indicator.catalogue;

import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.region.Region;
import fi.hyte.indicator.region.RegionCategory;
import fi.hyte.indicator.region.Regions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the catalogue announcement carries: every indicator id, and the wellbeing services counties whose
 * member municipalities the region catalogue knows, with a hash of exactly that content.
 */
record CatalogueContent(List<Integer> indicators, List<CatalogueEvent.County> counties, String contentHash) {

    static CatalogueContent of(Indicators indicators, Regions regions) {
        List<Region> municipalities = regions.inCategory(RegionCategory.MUNICIPALITY);
        List<CatalogueEvent.County> counties = regions.inCategory(RegionCategory.WELLBEING_COUNTY).stream()
                .map(county -> new CatalogueEvent.County(
                        county.code(),
                        municipalities.stream()
                                .filter(m -> m.memberOf().contains(county.code()))
                                .map(Region::code)
                                .sorted()
                                .toList()))
                .filter(county -> !county.municipalities().isEmpty())
                .toList();
        List<Integer> ids = indicators.ids();
        return new CatalogueContent(ids, counties, hash(ids, counties));
    }

    private static String hash(List<Integer> ids, List<CatalogueEvent.County> counties) {
        String canonical = "indicators:"
                + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "\ncounties:"
                + counties.stream()
                        .map(c -> c.code() + "=" + String.join(",", c.municipalities()))
                        .collect(Collectors.joining(";"));
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
