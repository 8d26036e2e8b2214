package fi.hyte.indicator.value;

/**
 * What an indicator value is the value of.
 *
 * @param indicator Sotkanet indicator id
 * @param region region code of the catalogue (e.g. {@code HVA-4}, {@code 092})
 * @param year statistical year
 * @param gender whom the value counts
 */
public record ValueKey(int indicator, String region, int year, Gender gender) {

    /**
     * The value's document id and aggregate id, derived from the key (e.g. {@code 4284:HVA-4:2024:total}) so
     * that two writers of the same new key collide on {@code _id} instead of creating two documents.
     */
    public String id() {
        // concatenation, not String.format: computed several times for every row of every feed
        return indicator + ":" + region + ":" + year + ":" + gender.code();
    }
}
