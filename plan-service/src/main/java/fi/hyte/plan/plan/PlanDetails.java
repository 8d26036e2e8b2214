package fi.hyte.plan.plan;

import fi.hyte.support.web.Problem;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a coordinator writes of a plan itself (its goals aside); the server owns its id, region, status,
 * version and approval.
 *
 * @param sections at most one per age group
 * @param organisations ids of the organisations taking part (as in action-service's organisations, e.g.
 *     {@code vantaa}, {@code hus}, {@code mll-uusimaa}); duplicates are dropped, order is kept
 */
public record PlanDetails(
        String title, int termStart, int termEnd, List<Section> sections, List<String> organisations) {

    public PlanDetails {
        sections = sections == null ? List.of() : List.copyOf(sections);
        organisations = organisations == null ? List.of() : List.copyOf(new LinkedHashSet<>(organisations));
    }

    void check() {
        if (termEnd < termStart) {
            throw Problem.invalid("termEnd", "termEnd %d is before termStart %d".formatted(termEnd, termStart));
        }
        Set<AgeGroup> seen = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            if (!seen.add(sections.get(i).ageGroup())) {
                throw Problem.invalid(
                        "sections[%d].ageGroup".formatted(i),
                        "a plan has one section per age group; %s appears twice"
                                .formatted(sections.get(i).ageGroup()));
            }
        }
    }
}
