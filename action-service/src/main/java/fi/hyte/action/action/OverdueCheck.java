package fi.hyte.action.action;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds actions that passed their due date while open and announces each once with {@code action.delayed}.
 * Several instances may run it at the same time: each announcement is a versioned save of the action, so
 * only one instance's save of a given action succeeds and the others skip it.
 */
@Component
public class OverdueCheck {

    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);

    private final MongoTemplate mongo;
    private final Actions actions;
    private final Clock clock;

    OverdueCheck(MongoTemplate mongo, Actions actions, Clock clock) {
        this.mongo = mongo;
        this.actions = actions;
        this.clock = clock;
    }

    /** Returns how many actions this run announced. */
    @Scheduled(
            initialDelayString = "${hyte.actions.overdue-check.initial-delay:10s}",
            fixedDelayString = "${hyte.actions.overdue-check.interval:60s}")
    public int announceDelays() {
        LocalDate today = LocalDate.now(clock);
        var due = Query.query(Criteria.where("status")
                        .in(ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
                        .and("plan.due")
                        .lt(today)
                        .and("delayAnnounced")
                        .ne(true))
                .limit(500);
        int announced = 0;
        for (Action action : mongo.find(due, Action.class)) {
            try {
                if (action.announceDelay(today)) {
                    actions.save(action);
                    announced++;
                }
            } catch (OptimisticLockingFailureException anotherInstanceWasFaster) {
                log.debug("action {} changed meanwhile; the next run looks again", action.id());
            }
        }
        return announced;
    }
}
