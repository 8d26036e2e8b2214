package fi.hyte.report.risk;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An action of a goal, for the owners an alert goes to (from the {@code action.*} events, by version). */
@Document("risk_actions")
record GoalAction(@Id String id, String goalId, String organisation, String status, long version) {}
