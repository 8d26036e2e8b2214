package fi.hyte.indicator.region.web;

import fi.hyte.indicator.Localized;
import fi.hyte.indicator.region.Region;
import java.util.List;

/** Response bodies of the region API, and the one place that maps regions to them. */
final class RegionViews {

    private RegionViews() {}

    record RegionView(String code, int sotkanetId, String category, Localized name, List<String> memberOf) {}

    static RegionView of(Region region) {
        return new RegionView(region.code(), region.sotkanetId(), region.category(), region.name(), region.memberOf());
    }
}
