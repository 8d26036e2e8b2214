package fi.hyte.plan.plan.web;

import fi.hyte.plan.plan.AgeGroup;
import fi.hyte.plan.plan.Approval;
import fi.hyte.plan.plan.Goal;
import fi.hyte.plan.plan.GoalContent;
import fi.hyte.plan.plan.GoalStatus;
import fi.hyte.plan.plan.Measure;
import fi.hyte.plan.plan.Plan;
import fi.hyte.plan.plan.PlanStatus;
import java.util.List;

/** Response bodies of the plan API, and the one place that maps the aggregate and requests to them. */
final class PlanViews {

    private PlanViews() {}

    record PlanView(
            String id,
            String region,
            String title,
            int termStart,
            int termEnd,
            PlanStatus status,
            Approval approval,
            List<GoalView> goals) {}

    record GoalView(
            String id,
            String planId,
            String title,
            String description,
            AgeGroup ageGroup,
            List<String> riskGroups,
            List<Measure> measures,
            GoalStatus status,
            long revision) {}

    static PlanView of(Plan plan) {
        return new PlanView(
                plan.id(),
                plan.region(),
                plan.title(),
                plan.termStart(),
                plan.termEnd(),
                plan.status(),
                plan.approval(),
                plan.goals().stream().map(goal -> of(plan, goal)).toList());
    }

    static GoalView of(Plan plan, Goal goal) {
        GoalContent content = goal.content();
        return new GoalView(
                goal.id(),
                plan.id(),
                content.title(),
                content.description(),
                content.ageGroup(),
                content.riskGroups(),
                content.measures(),
                goal.status(),
                goal.revision());
    }

    static GoalContent content(PlanRequests.NewGoal request) {
        return new GoalContent(
                request.title(),
                request.description(),
                request.ageGroup(),
                request.riskGroups(),
                request.measures().stream()
                        .map(m -> new Measure(
                                m.indicator(),
                                m.region(),
                                m.gender() == null ? "total" : m.gender(),
                                new Measure.Point(
                                        m.baseline().year(), m.baseline().value()),
                                new Measure.Point(m.target().year(), m.target().value()),
                                m.direction()))
                        .toList());
    }

    static Approval approval(PlanRequests.NewApproval request) {
        return new Approval(request.decisionBody(), request.decisionDate(), request.reference());
    }
}
