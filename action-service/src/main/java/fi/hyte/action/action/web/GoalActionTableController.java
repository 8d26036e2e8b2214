package fi.hyte.action.action.web;

import fi.hyte.action.action.Action;
import fi.hyte.action.goal.KnownGoals;
import fi.hyte.support.web.Problem;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The action table of one goal in one call. */
@RestController
class GoalActionTableController {

    private final KnownGoals goals;
    private final MongoTemplate mongo;
    private final Clock clock;

    GoalActionTableController(KnownGoals goals, MongoTemplate mongo, Clock clock) {
        this.goals = goals;
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping("/api/goals/{goalId}/actions")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    GoalActionTable table(@PathVariable String goalId) {
        var goal = goals.findById(goalId).orElseThrow(() -> Problem.notFound("approved goal", goalId));
        LocalDate today = LocalDate.now(clock);
        var actions = mongo
                .find(Query.query(Criteria.where("goalId").is(goalId)).with(Sort.by("plan.due", "_id")), Action.class)
                .stream()
                .map(action -> ActionView.of(action, today))
                .toList();
        return new GoalActionTable(GoalActionTable.GoalSummary.of(goal), actions);
    }
}
