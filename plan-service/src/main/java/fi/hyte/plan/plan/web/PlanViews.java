package fi.hyte.plan.plan.web;

import fi.hyte.plan.plan.AgeGroup;
import fi.hyte.plan.plan.Approval;
import fi.hyte.plan.plan.Goal;
import fi.hyte.plan.plan.GoalContent;
import fi.hyte.plan.plan.GoalStatus;
import fi.hyte.plan.plan.HistoryEntry;
import fi.hyte.plan.plan.Measure;
import fi.hyte.plan.plan.Negotiation;
import fi.hyte.plan.plan.Plan;
import fi.hyte.plan.plan.PlanDetails;
import fi.hyte.plan.plan.PlanStatus;
import fi.hyte.plan.plan.PlanVersion;
import fi.hyte.plan.plan.Section;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the plan API, and the one place that maps the aggregate and requests to them. */
final class PlanViews {

    private PlanViews() {}

    /**
     * @param version the version the plan is at (the approved one, or the one an open revision prepares)
     * @param approvedVersion the last approved version, readable at {@code /versions/{n}}; null if none
     * @param approval the decision that approved {@code approvedVersion}
     */
    record PlanView(
            String id,
            String region,
            String title,
            int termStart,
            int termEnd,
            PlanStatus status,
            int version,
            Integer approvedVersion,
            Approval approval,
            String revisionReason,
            String closureReason,
            List<Section> sections,
            List<String> organisations,
            List<GoalView> goals,
            List<NegotiationView> negotiations) {}

    /**
     * @param approvedInVersion the plan version that last approved the goal; null if never approved
     * @param awaitsApproval whether the goal is new or changed since its approval
     */
    record GoalView(
            String id,
            String planId,
            String title,
            String description,
            AgeGroup ageGroup,
            List<String> riskGroups,
            List<Measure> measures,
            GoalStatus status,
            long revision,
            Integer approvedInVersion,
            boolean awaitsApproval,
            String retirementReason) {}

    record NegotiationView(
            String id, String planId, LocalDate date, List<String> parties, String summary, List<String> agreedGoals) {}

    record VersionSummary(int version, Approval approval, String title, int termStart, int termEnd, int goals) {}

    record VersionView(
            String planId,
            int version,
            Approval approval,
            String title,
            int termStart,
            int termEnd,
            List<Section> sections,
            List<String> organisations,
            List<ApprovedGoalView> goals) {}

    record ApprovedGoalView(
            String id,
            String title,
            String description,
            AgeGroup ageGroup,
            List<String> riskGroups,
            List<Measure> measures) {}

    record HistoryView(long aggregateVersion, String type, Instant at, String actor, String goalId, String summary) {}

    static PlanView of(Plan plan) {
        return new PlanView(
                plan.id(),
                plan.region(),
                plan.title(),
                plan.termStart(),
                plan.termEnd(),
                plan.status(),
                plan.planVersion(),
                plan.approvedVersion(),
                plan.approval(),
                plan.revisionReason(),
                plan.closureReason(),
                plan.sections(),
                plan.organisations(),
                plan.goals().stream().map(goal -> of(plan, goal)).toList(),
                plan.negotiations().stream().map(n -> of(plan, n)).toList());
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
                goal.revision(),
                goal.approvedInVersion(),
                goal.awaitsApproval(),
                goal.retirementReason());
    }

    static NegotiationView of(Plan plan, Negotiation negotiation) {
        return new NegotiationView(
                negotiation.id(),
                plan.id(),
                negotiation.date(),
                negotiation.parties(),
                negotiation.summary(),
                negotiation.agreedGoals());
    }

    static VersionSummary summary(PlanVersion version) {
        return new VersionSummary(
                version.version(),
                version.approval(),
                version.title(),
                version.termStart(),
                version.termEnd(),
                version.goals().size());
    }

    static VersionView of(Plan plan, PlanVersion version) {
        return new VersionView(
                plan.id(),
                version.version(),
                version.approval(),
                version.title(),
                version.termStart(),
                version.termEnd(),
                version.sections(),
                version.organisations(),
                version.goals().stream()
                        .map(goal -> new ApprovedGoalView(
                                goal.id(),
                                goal.content().title(),
                                goal.content().description(),
                                goal.content().ageGroup(),
                                goal.content().riskGroups(),
                                goal.content().measures()))
                        .toList());
    }

    static HistoryView of(HistoryEntry entry) {
        return new HistoryView(
                entry.aggregateVersion(), entry.type(), entry.at(), entry.actor(), entry.goalId(), entry.summary());
    }

    static PlanDetails details(PlanRequests.NewPlan request) {
        return new PlanDetails(
                request.title(),
                request.termStart(),
                request.termEnd(),
                sections(request.sections()),
                request.organisations());
    }

    static PlanDetails details(PlanRequests.RevisedPlan request) {
        return new PlanDetails(
                request.title(),
                request.termStart(),
                request.termEnd(),
                sections(request.sections()),
                request.organisations());
    }

    private static List<Section> sections(List<PlanRequests.NewSection> sections) {
        return sections == null
                ? List.of()
                : sections.stream()
                        .map(s -> new Section(s.ageGroup(), s.title(), s.summary()))
                        .toList();
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
