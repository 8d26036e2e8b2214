package fi.hyte.plan.plan;

import java.time.LocalDate;

/**
 * The council's decision that makes a plan binding.
 *
 * @param decisionBody for example {@code aluevaltuusto} (the county council)
 * @param decisionDate date of the decision
 * @param reference minutes reference, e.g. {@code AV 19.12.2019 § 45}
 */
public record Approval(String decisionBody, LocalDate decisionDate, String reference) {}
