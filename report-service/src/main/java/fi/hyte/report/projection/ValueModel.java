package fi.hyte.report.projection;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The current value of an indicator in a region, year and gender, from {@code indicator.updated}. */
@Document("values")
public record ValueModel(
        @Id String id, int indicator, String region, int year, String gender, double value, long version) {}
