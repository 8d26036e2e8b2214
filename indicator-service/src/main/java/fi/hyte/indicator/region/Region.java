package fi.hyte.indicator.region;

import fi.hyte.indicator.Localized;
import java.util.List;

/**
 * A region of the catalogue.
 *
 * @param code the region key everywhere in Hyte's API: a municipality's official three-digit code
 *     ({@code 092}), {@code HVA-<code>} for a wellbeing services county, {@code <SOTKANET_CATEGORY>-<code>}
 *     for any other category, since Sotkanet's codes repeat across categories
 * @param sotkanetId Sotkanet's current region id
 * @param formerSotkanetIds ids Sotkanet used for the same region before (wellbeing services counties were
 *     renumbered), still accepted in feeds
 * @param category see {@link RegionCategory}
 * @param name the region's name
 * @param memberOf codes of the regions this one belongs to
 */
public record Region(
        String code,
        int sotkanetId,
        List<Integer> formerSotkanetIds,
        String category,
        Localized name,
        List<String> memberOf) {

    public Region {
        formerSotkanetIds = List.copyOf(formerSotkanetIds);
        memberOf = List.copyOf(memberOf);
    }
}
