package fi.hyte.report.risk;

import fi.hyte.support.event.DomainEvent;

/** The events report-service raises about goals; contract in {@code asyncapi.yaml}. */
public sealed interface RiskEvent extends DomainEvent permits GoalAtRisk {

    String goalId();
}
