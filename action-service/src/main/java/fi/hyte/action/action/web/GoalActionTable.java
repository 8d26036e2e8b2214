package fi.hyte.action.action.web;

import fi.hyte.action.goal.KnownGoal;
import java.util.List;

/**
 * The action table of a goal (toimenpidetaulukko): who is responsible for what, and when.
 *
 * @param goal the goal as action-service knows it
 * @param actions its actions, by due date
 */
record GoalActionTable(GoalSummary goal, List<ActionView> actions) {

    record GoalSummary(String id, String planId, String region, String title, boolean retired) {
        static GoalSummary of(KnownGoal goal) {
            return new GoalSummary(goal.id(), goal.planId(), goal.region(), goal.title(), goal.retired());
        }
    }
}
