package fi.hyte.report.projection;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An action as the report shows it, from the {@code action.*} events. */
@Document("actions")
public record ActionModel(
        @Id String id,
        String goalId,
        String planId,
        String region,
        String title,
        String kind,
        String organisation,
        String responsiblePerson,
        LocalDate start,
        LocalDate due,
        String status,
        Integer percentComplete,
        String note,
        long version) {}
