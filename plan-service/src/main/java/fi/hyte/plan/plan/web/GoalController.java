package fi.hyte.plan.plan.web;

import fi.hyte.plan.plan.AgeGroup;
import fi.hyte.plan.plan.Goal;
import fi.hyte.plan.plan.MeasureRules;
import fi.hyte.plan.plan.Plan;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The goals of a plan. A goal's {@code ETag} is its revision; revising it requires that ETag in
 * {@code If-Match} (none: 428, stale: 412).
 */
@RestController
@Validated
@RequestMapping("/api/plans/{planId}/goals")
class GoalController {

    private final PlanAccess access;
    private final MeasureRules rules;

    GoalController(PlanAccess access, MeasureRules rules) {
        this.access = access;
        this.rules = rules;
    }

    @PostMapping
    @PreAuthorize(PlanController.COORDINATOR)
    ResponseEntity<PlanViews.GoalView> add(
            @PathVariable String planId, @Valid @RequestBody PlanRequests.NewGoal request, Caller caller) {
        Plan plan = access.findOwn(planId, caller);
        var content = PlanViews.content(request);
        rules.check(plan.region(), content);
        var goal = plan.addGoal(content);
        access.save(plan);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(goal.id())
                .toUri();
        return ResponseEntity.created(location)
                .eTag(PlanAccess.etag(goal.revision()))
                .body(PlanViews.of(plan, goal));
    }

    @GetMapping
    @PreAuthorize(PlanController.READERS)
    List<PlanViews.GoalView> list(@PathVariable String planId, @RequestParam(required = false) AgeGroup ageGroup) {
        Plan plan = access.find(planId);
        return plan.goals().stream()
                .filter(goal -> ageGroup == null || goal.content().ageGroup() == ageGroup)
                .map(goal -> PlanViews.of(plan, goal))
                .toList();
    }

    @GetMapping("/{goalId}")
    @PreAuthorize(PlanController.READERS)
    ResponseEntity<PlanViews.GoalView> get(@PathVariable String planId, @PathVariable String goalId) {
        Plan plan = access.find(planId);
        Goal goal = plan.goal(goalId).orElseThrow(() -> Problem.notFound("goal", goalId));
        return ResponseEntity.ok().eTag(PlanAccess.etag(goal.revision())).body(PlanViews.of(plan, goal));
    }

    /** Replaces the goal's content while the plan is a draft or under revision. */
    @PutMapping("/{goalId}")
    @PreAuthorize(PlanController.COORDINATOR)
    ResponseEntity<PlanViews.GoalView> revise(
            @PathVariable String planId,
            @PathVariable String goalId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.NewGoal request,
            Caller caller) {
        Plan plan = access.findOwn(planId, caller);
        Goal current = plan.goal(goalId).orElseThrow(() -> Problem.notFound("goal", goalId));
        long basedOn = PlanAccess.basedOn(ifMatch, current.revision());
        var content = PlanViews.content(request);
        rules.check(plan.region(), content);
        Goal goal = plan.reviseGoal(goalId, basedOn, content);
        try {
            access.save(plan);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw Problem.preconditionFailed(
                    "the plan of goal %s changed while this change was made; read the goal again".formatted(goalId));
        }
        return ResponseEntity.ok().eTag(PlanAccess.etag(goal.revision())).body(PlanViews.of(plan, goal));
    }

    /** Retires a goal for good ({@code goal.retired}); actions can no longer be planned under it. */
    @PostMapping("/{goalId}/retirement")
    @PreAuthorize(PlanController.COORDINATOR)
    ResponseEntity<PlanViews.GoalView> retire(
            @PathVariable String planId,
            @PathVariable String goalId,
            @Valid @RequestBody PlanRequests.Retirement request,
            Caller caller) {
        Plan plan = access.findOwn(planId, caller);
        Goal goal = plan.retireGoal(goalId, request.reason());
        access.save(plan);
        return ResponseEntity.ok().eTag(PlanAccess.etag(goal.revision())).body(PlanViews.of(plan, goal));
    }
}
