package fi.hyte.plan.plan;

import fi.hyte.support.event.DomainEvent;
import fi.hyte.support.event.EventContext;
import fi.hyte.support.outbox.OutboxAggregate;
import fi.hyte.support.web.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A region's welfare plan for one council term. Its goals, negotiations, approved versions and history live
 * inside it, so that every change, the events that announce it and the history entry that records it are
 * one atomic document write.
 *
 * <p>Lifecycle: {@code DRAFT} → approval → {@code APPROVED} (version 1) → a mid-term revision opens version
 * n+1 ({@code REVISION}: goals and details editable again, the approved version stays in force and
 * readable) → approval → {@code APPROVED} (version n+1) ... → {@code CLOSED}. Every approval raises
 * {@code plan.approved} and one {@code goal.approved} per goal that is not retired.
 *
 * <p>The document grows with its goals, negotiations, approved versions (each a copy of the goals it
 * approved) and history (one short entry per event). The counts below bound each; {@link PlanSizeLimit}
 * refuses, as a 409, a change that would still take the document past MongoDB's 16 MiB.
 */
@Document("plans")
public class Plan extends OutboxAggregate {

    static final int MAX_GOALS = 100;
    static final int MAX_NEGOTIATIONS = 100;
    static final int MAX_VERSIONS = 20;
    static final int MAX_HISTORY = 10_000;

    @Id
    private final String id;

    @Indexed
    private final String region;

    private String title;
    private int termStart;
    private int termEnd;
    private PlanStatus status;
    private final List<Goal> goals;
    private Approval approval;
    private int planVersion;
    private List<Section> sections;
    private List<String> organisations;
    private final List<Negotiation> negotiations;
    private final List<PlanVersion> versions;
    private final List<HistoryEntry> history;
    private String revisionReason;
    private String closureReason;

    @PersistenceCreator
    Plan(
            String id,
            String region,
            String title,
            int termStart,
            int termEnd,
            PlanStatus status,
            List<Goal> goals,
            Approval approval,
            int planVersion,
            List<Section> sections,
            List<String> organisations,
            List<Negotiation> negotiations,
            List<PlanVersion> versions,
            List<HistoryEntry> history,
            String revisionReason,
            String closureReason) {
        this.id = id;
        this.region = region;
        this.title = title;
        this.termStart = termStart;
        this.termEnd = termEnd;
        this.status = status;
        this.goals = goals == null ? new ArrayList<>() : new ArrayList<>(goals);
        this.approval = approval;
        this.planVersion = Math.max(planVersion, 1);
        this.sections = sections == null ? List.of() : List.copyOf(sections);
        this.organisations = organisations == null ? List.of() : List.copyOf(organisations);
        this.negotiations = negotiations == null ? new ArrayList<>() : new ArrayList<>(negotiations);
        this.versions = versions == null ? new ArrayList<>() : new ArrayList<>(versions);
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        this.revisionReason = revisionReason;
        this.closureReason = closureReason;
        if (this.versions.isEmpty() && approval != null) {
            // approved before versions were kept: nothing could have changed since, so this is version 1
            this.versions.add(snapshot());
        }
    }

    /** Drafts a new plan for a region and council term. */
    public static Plan draft(String region, String title, int termStart, int termEnd) {
        return draft(region, new PlanDetails(title, termStart, termEnd, List.of(), List.of()));
    }

    /** Drafts a new plan for a region with its details. */
    public static Plan draft(String region, PlanDetails details) {
        details.check();
        var plan = new Plan(
                UUID.randomUUID().toString(),
                region,
                details.title(),
                details.termStart(),
                details.termEnd(),
                PlanStatus.DRAFT,
                List.of(),
                null,
                1,
                details.sections(),
                details.organisations(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null);
        plan.raise(new PlanEvent.PlanDrafted(
                plan.id, region, plan.title, plan.termStart, plan.termEnd, plan.sections, plan.organisations));
        return plan;
    }

    /** Revises the plan's own details while it is a draft or under revision. Nothing changed: no event. */
    public void revise(PlanDetails details) {
        requireEditable("the details of a plan that is %s cannot be changed".formatted(status));
        details.check();
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(title, details.title())) {
            changed.add("title");
        }
        if (termStart != details.termStart() || termEnd != details.termEnd()) {
            changed.add("term");
        }
        if (!sections.equals(details.sections())) {
            changed.add("sections");
        }
        if (!organisations.equals(details.organisations())) {
            changed.add("organisations");
        }
        if (changed.isEmpty()) {
            return;
        }
        requireRoom(1);
        title = details.title();
        termStart = details.termStart();
        termEnd = details.termEnd();
        sections = details.sections();
        organisations = details.organisations();
        raise(new PlanEvent.PlanRevised(id, region, title, termStart, termEnd, sections, organisations, changed));
    }

    /** Adds a goal while the plan is a draft or under revision. */
    public Goal addGoal(GoalContent content) {
        requireEditable("goals can only be added to a draft plan or a plan under revision");
        if (goals.size() >= MAX_GOALS) {
            throw Problem.conflict("a plan holds at most %d goals".formatted(MAX_GOALS));
        }
        checkMeasures(content);
        requireRoom(1);
        var goal = Goal.draft(content.withMeasureRegionsDefaultingTo(region));
        goals.add(goal);
        raise(new PlanEvent.GoalDrafted(id, goal.id(), region, goal.content()));
        return goal;
    }

    /**
     * Revises a goal while the plan is a draft or under revision, provided the caller saw its current
     * revision. A goal already approved stays approved with its approved content until the plan's next
     * approval. Nothing changed: no event.
     *
     * @param basedOnRevision the goal revision (ETag) the change was made on
     */
    public Goal reviseGoal(String goalId, long basedOnRevision, GoalContent content) {
        Goal goal = existingGoal(goalId);
        if (goal.revision() != basedOnRevision) {
            throw Problem.preconditionFailed("goal %s is at revision %d, the change was made on revision %d"
                    .formatted(goalId, goal.revision(), basedOnRevision));
        }
        if (goal.status() == GoalStatus.RETIRED) {
            throw Problem.conflict("goal %s is retired and cannot be edited".formatted(goalId));
        }
        if (status != PlanStatus.DRAFT && status != PlanStatus.REVISION) {
            throw Problem.conflict(
                    goal.status() == GoalStatus.APPROVED
                            ? "goal %s is approved; open a revision of the plan to change it".formatted(goalId)
                            : "the goals of a plan that is %s cannot be edited".formatted(status));
        }
        checkMeasures(content);
        requireRoom(1);
        List<String> changed = goal.revise(content.withMeasureRegionsDefaultingTo(region));
        if (!changed.isEmpty()) {
            raise(new PlanEvent.GoalRevised(id, goalId, region, goal.content(), goal.status(), changed));
        }
        return goal;
    }

    /** Retires a goal for good, whatever the plan's status short of closed. */
    public Goal retireGoal(String goalId, String reason) {
        Goal goal = existingGoal(goalId);
        if (status == PlanStatus.CLOSED) {
            throw Problem.conflict("plan %s is closed".formatted(id));
        }
        if (goal.status() == GoalStatus.RETIRED) {
            throw Problem.conflict("goal %s is already retired".formatted(goalId));
        }
        requireRoom(1);
        goal.retire(reason);
        raise(new PlanEvent.GoalRetired(id, goalId, region, goal.content().title(), reason));
        return goal;
    }

    /**
     * The council's approval: the plan and every goal that is not retired become binding as version
     * {@link #planVersion()}, announced by {@code plan.approved} and one {@code goal.approved} per goal
     * carrying what consumers need to know of it. The version is kept as it is approved.
     */
    public void approve(Approval decision) {
        if (status != PlanStatus.DRAFT && status != PlanStatus.REVISION) {
            throw Problem.conflict("plan %s is %s; only a draft or a revision can be approved".formatted(id, status));
        }
        List<Goal> binding =
                goals.stream().filter(g -> g.status() != GoalStatus.RETIRED).toList();
        if (binding.isEmpty()) {
            throw Problem.conflict("a plan without goals cannot be approved");
        }
        if (approval != null && decision.decisionDate().isBefore(approval.decisionDate())) {
            throw Problem.invalid(
                    "decisionDate",
                    "the approval of version %d cannot precede that of version %d (%s)"
                            .formatted(planVersion, planVersion - 1, approval.decisionDate()));
        }
        requireRoom(1 + binding.size());
        status = PlanStatus.APPROVED;
        approval = decision;
        revisionReason = null;
        raise(new PlanEvent.PlanApproved(
                id,
                region,
                title,
                termStart,
                termEnd,
                decision,
                binding.stream().map(Goal::id).toList(),
                planVersion));
        for (Goal goal : binding) {
            goal.approve(planVersion);
            raise(new PlanEvent.GoalApproved(id, goal.id(), region, termStart, termEnd, goal.content(), planVersion));
        }
        versions.add(snapshot());
    }

    /**
     * Opens a mid-term revision of an approved plan: version n+1 is prepared while version n stays in force
     * and readable among {@link #versions()}.
     */
    public void openRevision(String reason) {
        if (status != PlanStatus.APPROVED) {
            throw Problem.conflict("plan %s is %s; only an approved plan can be revised".formatted(id, status));
        }
        if (versions.size() >= MAX_VERSIONS) {
            throw Problem.conflict("plan %s has had %d approved versions, the most it can hold; draft a new plan"
                    .formatted(id, MAX_VERSIONS));
        }
        requireRoom(1);
        planVersion++;
        status = PlanStatus.REVISION;
        revisionReason = reason;
        raise(new PlanEvent.PlanRevisionOpened(id, region, planVersion, reason));
    }

    /**
     * Closes the plan, whatever its status; an open revision is dropped and the last approved version stays
     * what was in force.
     */
    public void close(String reason) {
        if (status == PlanStatus.CLOSED) {
            throw Problem.conflict("plan %s is already closed".formatted(id));
        }
        requireRoom(1);
        status = PlanStatus.CLOSED;
        closureReason = reason;
        raise(new PlanEvent.PlanClosed(id, region, reason, approvedVersion()));
    }

    /** Records a HYTE negotiation about this plan; the goals agreed must be goals of this plan, not retired. */
    public Negotiation recordNegotiation(
            LocalDate date, List<String> parties, String summary, List<String> agreedGoals) {
        if (status == PlanStatus.CLOSED) {
            throw Problem.conflict("plan %s is closed".formatted(id));
        }
        if (negotiations.size() >= MAX_NEGOTIATIONS) {
            throw Problem.conflict("a plan holds at most %d negotiations".formatted(MAX_NEGOTIATIONS));
        }
        List<String> agreed = agreedGoals == null ? List.of() : agreedGoals;
        for (int i = 0; i < agreed.size(); i++) {
            String goalId = agreed.get(i);
            boolean live =
                    goal(goalId).filter(g -> g.status() != GoalStatus.RETIRED).isPresent();
            if (!live) {
                throw Problem.invalid(
                        "agreedGoals[%d]".formatted(i),
                        "%s is not a goal of plan %s that is in force or in preparation".formatted(goalId, id));
            }
        }
        requireRoom(1);
        var negotiation = new Negotiation(
                UUID.randomUUID().toString(),
                date,
                List.copyOf(new LinkedHashSet<>(parties)),
                summary,
                List.copyOf(new LinkedHashSet<>(agreed)));
        negotiations.add(negotiation);
        raise(new PlanEvent.NegotiationRecorded(
                id,
                negotiation.id(),
                region,
                negotiation.date(),
                negotiation.parties(),
                negotiation.summary(),
                negotiation.agreedGoals()));
        return negotiation;
    }

    /** Every event raised is also recorded in the plan's history, in the same document write. */
    @Override
    protected void raise(DomainEvent event) {
        super.raise(event);
        var planEvent = (PlanEvent) event;
        long last = history.isEmpty() ? 0 : history.getLast().aggregateVersion();
        history.add(new HistoryEntry(
                Math.max(revision(), last) + 1,
                planEvent.type(),
                null,
                EventContext.actor(),
                planEvent.goalId(),
                planEvent.describe()));
    }

    /** Dates the history entries added since the plan was loaded; called as the plan is saved. */
    void stampHistory(Instant committed) {
        history.replaceAll(entry -> entry.at() == null ? entry.at(committed) : entry);
    }

    private void requireRoom(int events) {
        if (history.size() + events > MAX_HISTORY) {
            throw Problem.conflict("plan %s has recorded %d changes, the most its history holds; draft a new plan"
                    .formatted(id, MAX_HISTORY));
        }
    }

    private void requireEditable(String otherwise) {
        if (status != PlanStatus.DRAFT && status != PlanStatus.REVISION) {
            throw Problem.conflict(otherwise);
        }
    }

    private static void checkMeasures(GoalContent content) {
        for (int i = 0; i < content.measures().size(); i++) {
            content.measures().get(i).check("measures[" + i + "]");
        }
    }

    private Goal existingGoal(String goalId) {
        return goal(goalId).orElseThrow(() -> Problem.notFound("goal", goalId));
    }

    private PlanVersion snapshot() {
        return new PlanVersion(
                planVersion,
                approval,
                title,
                termStart,
                termEnd,
                sections,
                organisations,
                goals.stream()
                        .filter(goal -> goal.status() == GoalStatus.APPROVED)
                        .map(goal -> new PlanVersion.ApprovedGoal(goal.id(), goal.approvedContent()))
                        .toList());
    }

    public Optional<Goal> goal(String goalId) {
        return goals.stream().filter(goal -> goal.id().equals(goalId)).findFirst();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    @Override
    public String region() {
        return region;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public int termStart() {
        return termStart;
    }

    public int termEnd() {
        return termEnd;
    }

    public PlanStatus status() {
        return status;
    }

    public List<Goal> goals() {
        return Collections.unmodifiableList(goals);
    }

    /** The decision that approved the last approved version; {@code null} if never approved. */
    public Approval approval() {
        return approval;
    }

    /** The version the plan is at: the approved one, or the one a revision prepares. */
    public int planVersion() {
        return planVersion;
    }

    /** The last approved version; {@code null} if the plan was never approved. */
    public Integer approvedVersion() {
        return versions.isEmpty() ? null : versions.getLast().version();
    }

    public List<Section> sections() {
        return sections;
    }

    public List<String> organisations() {
        return organisations;
    }

    public List<Negotiation> negotiations() {
        return Collections.unmodifiableList(negotiations);
    }

    public Optional<Negotiation> negotiation(String negotiationId) {
        return negotiations.stream().filter(n -> n.id().equals(negotiationId)).findFirst();
    }

    /** Every approved version, oldest first, as it was approved. */
    public List<PlanVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    public Optional<PlanVersion> version(int version) {
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }

    /** Every change to the plan and its goals, oldest first. */
    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }

    /** Why the open revision was opened; {@code null} unless the plan is under revision. */
    public String revisionReason() {
        return revisionReason;
    }

    /** Why the plan was closed, if it is and a reason was given. */
    public String closureReason() {
        return closureReason;
    }
}
