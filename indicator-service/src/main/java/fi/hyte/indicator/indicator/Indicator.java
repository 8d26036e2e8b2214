package fi.hyte.indicator.indicator;

import fi.hyte.indicator.Localized;
import java.util.List;

/**
 * An indicator of the catalogue, as Sotkanet describes it, with its titles' HTML entities decoded.
 *
 * @param id the Sotkanet indicator id
 * @param title what the indicator measures
 * @param organisation who publishes it
 * @param classifications the genders and region levels it has values for
 */
public record Indicator(int id, Localized title, Organisation organisation, Classifications classifications) {

    /** The publisher of an indicator, e.g. THL or Statistics Finland. */
    public record Organisation(int id, Localized title) {}

    /**
     * @param sex the genders with values ({@code male}, {@code female}, {@code total})
     * @param region the region levels with values, in Sotkanet's words ({@code Kunta}, {@code Maa}...)
     */
    public record Classifications(List<String> sex, List<String> region) {

        public Classifications {
            sex = List.copyOf(sex);
            region = List.copyOf(region);
        }
    }
}
