package fi.hyte.plan.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A statutory HYTE negotiation (HYTE-neuvottelu) between the region, its municipalities, HUS and NGOs,
 * recorded on the plan it concerns.
 *
 * @param id server-assigned
 * @param date when the negotiation was held
 * @param parties who took part (organisation ids such as {@code vantaa}, {@code hus}, or names)
 * @param summary what was discussed and agreed
 * @param agreedGoals ids of this plan's goals the parties agreed on
 */
public record Negotiation(String id, LocalDate date, List<String> parties, String summary, List<String> agreedGoals) {

    public Negotiation {
        parties = parties == null ? List.of() : List.copyOf(parties);
        agreedGoals = agreedGoals == null ? List.of() : List.copyOf(agreedGoals);
    }
}
