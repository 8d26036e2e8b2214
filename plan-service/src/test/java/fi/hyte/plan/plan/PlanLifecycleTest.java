package fi.hyte.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.event.DomainEvent;
import fi.hyte.support.web.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The plan's lifecycle rules: revisions, versions, retirement, closure, negotiations and history. */
class PlanLifecycleTest {

    static GoalContent goal(String title, int indicator) {
        return new GoalContent(
                title,
                null,
                AgeGroup.WORKING_AGE,
                List.of("työttömät"),
                List.of(new Measure(
                        indicator,
                        null,
                        "total",
                        new Measure.Point(2023, 15.0),
                        new Measure.Point(2029, 12.5),
                        Direction.DECREASE)));
    }

    static Approval council(LocalDate date) {
        return new Approval("aluevaltuusto", date, "AV " + date);
    }

    static Plan approvedPlan() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        plan.addGoal(goal("Kuormittuneisuus vähenee", 4355));
        plan.addGoal(goal("Tupakointi vähenee", 4405));
        plan.approve(council(LocalDate.of(2025, 12, 15)));
        return plan;
    }

    static List<String> types(Plan plan) {
        return plan.raised().stream().map(DomainEvent::type).toList();
    }

    static HttpStatus status(Throwable problem) {
        return ((Problem) problem).status();
    }

    @Test
    void theFirstApprovalKeepsVersionOneAsApproved() {
        var plan = approvedPlan();

        assertThat(plan.planVersion()).isEqualTo(1);
        assertThat(plan.approvedVersion()).isEqualTo(1);
        assertThat(plan.versions()).singleElement().satisfies(version -> {
            assertThat(version.approval().reference()).isEqualTo("AV 2025-12-15");
            assertThat(version.goals()).hasSize(2);
        });
        assertThat(plan.goals()).allSatisfy(goal -> {
            assertThat(goal.status()).isEqualTo(GoalStatus.APPROVED);
            assertThat(goal.approvedInVersion()).isEqualTo(1);
            assertThat(goal.awaitsApproval()).isFalse();
        });
    }

    @Test
    void anApprovedGoalCannotBeEditedUntilARevisionIsOpened() {
        var plan = approvedPlan();
        var goal = plan.goals().getFirst();

        assertThatThrownBy(() -> plan.reviseGoal(goal.id(), goal.revision(), goal("Uusi", 4355)))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.CONFLICT));
        assertThatThrownBy(() -> plan.addGoal(goal("Uusi", 4355)))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void aStaleRevisionIsAPreconditionFailure() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        var goal = plan.addGoal(goal("Kuormittuneisuus vähenee", 4355));
        long read = goal.revision();
        plan.reviseGoal(goal.id(), read, goal("Kuormittuneisuus vähenee selvästi", 4355));

        assertThatThrownBy(() -> plan.reviseGoal(goal.id(), read, goal("Toinen muutos", 4355)))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.PRECONDITION_FAILED));
    }

    @Test
    void revisingAGoalWithItsOwnContentChangesNothing() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        var goal = plan.addGoal(goal("Kuormittuneisuus vähenee", 4355));
        long revision = goal.revision();

        plan.reviseGoal(goal.id(), revision, goal("Kuormittuneisuus vähenee", 4355));

        assertThat(goal.revision()).isEqualTo(revision);
        assertThat(types(plan)).containsExactly("plan.drafted", "goal.drafted");
    }

    @Test
    void aRevisionKeepsTheApprovedVersionAndReapprovesEveryGoalThatIsNotRetired() {
        var plan = approvedPlan();
        var smoking = plan.goals().get(1);
        var strain = plan.goals().getFirst();

        plan.openRevision("Väliarviointi 2027");
        assertThat(plan.status()).isEqualTo(PlanStatus.REVISION);
        assertThat(plan.planVersion()).isEqualTo(2);
        plan.reviseGoal(strain.id(), strain.revision(), goal("Kuormittuneisuus vähenee nopeammin", 4355));
        assertThat(strain.status())
                .as("an approved goal stays approved while the revision changes it")
                .isEqualTo(GoalStatus.APPROVED);
        assertThat(strain.awaitsApproval()).isTrue();
        assertThat(strain.approvedContent().title()).isEqualTo("Kuormittuneisuus vähenee");
        plan.retireGoal(smoking.id(), "Siirretty HUS:n ohjelmaan");
        var loneliness = plan.addGoal(goal("Yksinäisyys vähenee", 4285));

        plan.approve(council(LocalDate.of(2027, 6, 14)));

        assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plan.approvedVersion()).isEqualTo(2);
        assertThat(plan.version(1).orElseThrow().goals())
                .extracting(g -> g.content().title())
                .containsExactly("Kuormittuneisuus vähenee", "Tupakointi vähenee");
        assertThat(plan.version(2).orElseThrow().goals())
                .extracting(g -> g.content().title())
                .containsExactly("Kuormittuneisuus vähenee nopeammin", "Yksinäisyys vähenee");
        var approvals = plan.raised().stream()
                .filter(PlanEvent.GoalApproved.class::isInstance)
                .map(PlanEvent.GoalApproved.class::cast)
                .filter(e -> e.planVersion() == 2)
                .toList();
        assertThat(approvals).extracting(PlanEvent.GoalApproved::goalId).containsExactly(strain.id(), loneliness.id());
        assertThat(smoking.status()).isEqualTo(GoalStatus.RETIRED);
    }

    @Test
    void onlyAnApprovedPlanCanBeRevised() {
        var draft = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        assertThatThrownBy(() -> draft.openRevision("x"))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.CONFLICT));

        var plan = approvedPlan();
        plan.openRevision("Väliarviointi");
        assertThatThrownBy(() -> plan.openRevision("toinen"))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void aRevisionIsNotApprovedBeforeTheVersionItRevises() {
        var plan = approvedPlan();
        plan.openRevision("Väliarviointi");

        assertThatThrownBy(() -> plan.approve(council(LocalDate.of(2025, 1, 1))))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.field()).isEqualTo("decisionDate"));
    }

    @Test
    void aRetiredGoalIsAnnouncedWithItsReasonAndCannotBeRetiredTwice() {
        var plan = approvedPlan();
        var goal = plan.goals().getFirst();

        plan.retireGoal(goal.id(), "Tavoite saavutettu");

        assertThat(plan.raised().getLast())
                .isEqualTo(new PlanEvent.GoalRetired(
                        plan.id(), goal.id(), "HVA-4", "Kuormittuneisuus vähenee", "Tavoite saavutettu"));
        assertThat(goal.retirementReason()).isEqualTo("Tavoite saavutettu");
        assertThatThrownBy(() -> plan.retireGoal(goal.id(), "again"))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void aPlanWhoseGoalsAreAllRetiredCannotBeApproved() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        var goal = plan.addGoal(goal("Kuormittuneisuus vähenee", 4355));
        plan.retireGoal(goal.id(), "Luonnoksesta poistettu");

        assertThatThrownBy(() -> plan.approve(council(LocalDate.of(2025, 12, 15))))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void aClosedPlanChangesNoMore() {
        var plan = approvedPlan();
        var goal = plan.goals().getFirst();
        plan.openRevision("Väliarviointi");

        plan.close("Valtuustokausi päättyi");

        assertThat(plan.status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(plan.raised().getLast())
                .isEqualTo(new PlanEvent.PlanClosed(plan.id(), "HVA-4", "Valtuustokausi päättyi", 1));
        assertThatThrownBy(() -> plan.close("again")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> plan.retireGoal(goal.id(), "x")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> plan.reviseGoal(goal.id(), goal.revision(), goal("x", 4355)))
                .isInstanceOf(Problem.class);
        assertThatThrownBy(() -> plan.recordNegotiation(LocalDate.of(2026, 3, 1), List.of("vantaa"), "x", List.of()))
                .isInstanceOf(Problem.class);
    }

    @Test
    void aNegotiationAgreesOnlyOnGoalsOfThePlan() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);
        var goal = plan.addGoal(goal("Kuormittuneisuus vähenee", 4355));

        var negotiation = plan.recordNegotiation(
                LocalDate.of(2025, 3, 12),
                List.of("vantaa-kerava", "vantaa", "kerava", "hus", "vantaa"),
                "Yhteiset tavoitteet sovittu",
                List.of(goal.id()));

        assertThat(negotiation.parties()).containsExactly("vantaa-kerava", "vantaa", "kerava", "hus");
        assertThat(plan.negotiations()).containsExactly(negotiation);
        assertThat(types(plan)).endsWith("negotiation.recorded");
        assertThatThrownBy(() -> plan.recordNegotiation(
                        LocalDate.of(2025, 3, 12), List.of("hus"), "x", List.of(goal.id(), "no-such-goal")))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.field()).isEqualTo("agreedGoals[1]"));
    }

    @Test
    void thePlansDetailsAreRevisedWithTheFieldsThatChanged() {
        var plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);

        plan.revise(new PlanDetails(
                "Suunnitelma",
                2026,
                2029,
                List.of(new Section(AgeGroup.ELDERLY, "Ikääntyneet", null)),
                List.of("vantaa", "kerava", "vantaa")));

        assertThat(plan.raised().getLast()).isInstanceOfSatisfying(PlanEvent.PlanRevised.class, revised -> {
            assertThat(revised.changed()).containsExactly("sections", "organisations");
            assertThat(revised.organisations()).containsExactly("vantaa", "kerava");
        });
        assertThatThrownBy(() -> plan.revise(new PlanDetails(
                        "Suunnitelma",
                        2026,
                        2029,
                        List.of(
                                new Section(AgeGroup.ELDERLY, "Ikääntyneet", null),
                                new Section(AgeGroup.ELDERLY, "Taas", null)),
                        List.of())))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.field()).isEqualTo("sections[1].ageGroup"));
    }

    @Test
    void everyChangeIsInTheHistoryWithItsEventVersionActorAndTime() {
        var plan = approvedPlan();

        assertThat(plan.history())
                .extracting(HistoryEntry::type)
                .containsExactly(
                        "plan.drafted",
                        "goal.drafted",
                        "goal.drafted",
                        "plan.approved",
                        "goal.approved",
                        "goal.approved");
        assertThat(plan.history()).extracting(HistoryEntry::aggregateVersion).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(plan.history()).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("system"));
        assertThat(plan.history().get(1).goalId())
                .isEqualTo(plan.goals().getFirst().id());
        assertThat(plan.history().get(3).summary()).contains("Version 1 approved by aluevaltuusto");

        Instant saved = Instant.parse("2025-12-15T10:00:00Z");
        plan.stampHistory(saved);
        plan.openRevision("Väliarviointi");
        plan.stampHistory(saved.plusSeconds(60));
        assertThat(plan.history().getFirst().at()).isEqualTo(saved);
        assertThat(plan.history().getLast().at()).isEqualTo(saved.plusSeconds(60));
        assertThat(plan.history().getLast().summary()).isEqualTo("Revision opened towards version 2: Väliarviointi");
    }
}
