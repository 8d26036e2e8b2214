package fi.hyte.action.organisation;

/**
 * An actor that owns actions.
 *
 * @param id stable id, also the {@code organisation} claim of an action owner's token
 * @param kind {@code WELLBEING_COUNTY}, {@code MUNICIPALITY}, {@code HOSPITAL_DISTRICT}, {@code NGO}...
 * @param region the region code the organisation works in (a municipality's own code for a municipality)
 * @param regions the wellbeing services county codes whose plans it takes part in
 */
public record Organisation(String id, Name name, String kind, String region, java.util.List<String> regions) {

    /** Names in Finnish, Swedish and English. */
    public record Name(String fi, String sv, String en) {}
}
