package fi.hyte.report.projection;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A plan as the report introduces it: its title, term, approval and the sections whose summaries open
 * each age group of the report, as last approved; from the {@code plan.*} events. What a draft or a
 * revision changes is kept aside in {@code pendingSections} and {@code pendingOrganisations} until the next
 * {@code plan.approved}.
 */
@Document("plans")
public record PlanModel(
        @Id String id,
        String region,
        String title,
        Integer termStart,
        Integer termEnd,
        List<Section> sections,
        List<String> organisations,
        List<Section> pendingSections,
        List<String> pendingOrganisations,
        String status,
        Integer approvedVersion,
        Approval approval,
        long version) {

    /** The part of a plan for one age group. */
    public record Section(String ageGroup, String title, String summary) {}

    /** The council's decision. */
    public record Approval(String decisionBody, LocalDate decisionDate, String reference) {}
}
