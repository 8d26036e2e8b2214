package fi.hyte.report.projection;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A wellbeing services county and its member municipalities, as the newest
 * {@code indicator.catalogue-published} lists them; the report sets a county's figures beside theirs.
 */
@Document("counties")
public record CountyModel(@Id String id, List<String> municipalities, Instant publishedAt) {}
