package fi.hyte.plan.plan;

/**
 * The part of a plan for one age group: the sub-plans for children and youth, the working-age and the
 * elderly that a regional welfare plan includes (or {@link AgeGroup#ALL} for what concerns everyone).
 *
 * @param ageGroup at most one section per age group in a plan
 * @param title e.g. {@code Lasten ja nuorten hyvinvointisuunnitelma}
 * @param summary what the section sets out to do
 */
public record Section(AgeGroup ageGroup, String title, String summary) {}
