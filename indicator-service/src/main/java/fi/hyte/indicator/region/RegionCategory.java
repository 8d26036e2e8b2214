package fi.hyte.indicator.region;

import static java.util.Map.entry;

import java.util.Map;

/**
 * Region categories. Sotkanet names its categories in Finnish; the catalogue uses stable English names, and
 * keeps Sotkanet's name for a category it does not know yet.
 */
public final class RegionCategory {

    public static final String WELLBEING_COUNTY = "WELLBEING_COUNTY";
    public static final String MUNICIPALITY = "MUNICIPALITY";
    public static final String COUNTRY = "COUNTRY";
    public static final String HOSPITAL_DISTRICT = "HOSPITAL_DISTRICT";

    /** Sotkanet's category of the wellbeing services counties, absent from its 2016 region list. */
    static final String SOTKANET_WELLBEING_COUNTY = "HYVINVOINTIALUE";

    static final String SOTKANET_MUNICIPALITY = "KUNTA";

    private static final Map<String, String> FROM_SOTKANET = Map.ofEntries(
            entry(SOTKANET_WELLBEING_COUNTY, WELLBEING_COUNTY),
            entry(SOTKANET_MUNICIPALITY, MUNICIPALITY),
            entry("MAA", COUNTRY),
            entry("SAIRAANHOITOPIIRI", HOSPITAL_DISTRICT),
            entry("MAAKUNTA", "REGION"),
            entry("SEUTUKUNTA", "SUB_REGION"),
            entry("ALUEHALLINTOVIRASTO", "AVI_AREA"),
            entry("ELY-KESKUS", "ELY_CENTRE_AREA"),
            entry("ERVA", "SPECIAL_RESPONSIBILITY_AREA"),
            entry("SUURALUE", "MAJOR_REGION"),
            entry("NUTS1", "NUTS1"),
            entry("EUROOPPA", "EUROPE"),
            entry("POHJOISMAAT", "NORDIC_COUNTRIES"),
            entry("EURALUEET", "EUROPEAN_AREA"));

    private RegionCategory() {}

    /** The catalogue's category for a Sotkanet category, or Sotkanet's own name if it has none. */
    public static String ofSotkanet(String sotkanetCategory) {
        return FROM_SOTKANET.getOrDefault(sotkanetCategory, sotkanetCategory);
    }

    /**
     * The region code for a Sotkanet region: municipalities keep their official code, wellbeing services
     * counties become {@code HVA-<code>}, every other category {@code <SOTKANET_CATEGORY>-<code>}.
     */
    public static String code(String sotkanetCategory, String sotkanetCode) {
        return switch (sotkanetCategory) {
            case SOTKANET_MUNICIPALITY -> sotkanetCode;
            case SOTKANET_WELLBEING_COUNTY -> "HVA-" + sotkanetCode;
            default -> sotkanetCategory + "-" + sotkanetCode;
        };
    }
}
