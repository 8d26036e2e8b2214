package fi.hyte.plan.plan;

import java.time.Clock;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import org.springframework.stereotype.Component;

/** Dates a plan's new history entries as it is saved, the way the outbox stamps its events. */
@Component
class PlanHistoryStamper extends AbstractMongoEventListener<Plan> {

    private final Clock clock;

    PlanHistoryStamper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onBeforeConvert(BeforeConvertEvent<Plan> event) {
        event.getSource().stampHistory(clock.instant());
    }
}
