package fi.hyte.plan.plan.web;

import fi.hyte.plan.plan.Plan;
import fi.hyte.plan.plan.Plans;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Plans and their goals. Coordinators change the plans of their own region; everyone else reads. */
@RestController
@Validated
@RequestMapping("/api/plans")
class PlanController {

    private static final String READERS = "hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')";

    private final Plans plans;

    PlanController(Plans plans) {
        this.plans = plans;
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    ResponseEntity<PlanViews.PlanView> create(@Valid @RequestBody PlanRequests.NewPlan request, Caller caller) {
        if (!caller.actsFor(request.region())) {
            throw Problem.forbidden(
                    "a coordinator of %s cannot create plans for %s".formatted(caller.region(), request.region()));
        }
        Plan plan = plans.save(Plan.draft(request.region(), request.title(), request.termStart(), request.termEnd()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(plan.id())
                .toUri();
        return ResponseEntity.created(location).body(PlanViews.of(plan));
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<PlanViews.PlanView> list(@RequestParam(required = false) @Size(max = 40) String region) {
        var found =
                region == null ? plans.findAllByOrderByTermStartDesc() : plans.findByRegionOrderByTermStartDesc(region);
        return found.stream().map(PlanViews::of).toList();
    }

    @GetMapping("/{planId}")
    @PreAuthorize(READERS)
    PlanViews.PlanView get(@PathVariable String planId) {
        return PlanViews.of(find(planId));
    }

    @PostMapping("/{planId}/goals")
    @PreAuthorize("hasRole('COORDINATOR')")
    ResponseEntity<PlanViews.GoalView> addGoal(
            @PathVariable String planId, @Valid @RequestBody PlanRequests.NewGoal request, Caller caller) {
        Plan plan = findOwn(planId, caller);
        var goal = plan.addGoal(PlanViews.content(request));
        plans.save(plan);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(goal.id())
                .toUri();
        return ResponseEntity.created(location).eTag(etag(goal.revision())).body(PlanViews.of(plan, goal));
    }

    @GetMapping("/{planId}/goals/{goalId}")
    @PreAuthorize(READERS)
    ResponseEntity<PlanViews.GoalView> goal(@PathVariable String planId, @PathVariable String goalId) {
        Plan plan = find(planId);
        var goal = plan.goal(goalId).orElseThrow(() -> Problem.notFound("goal", goalId));
        return ResponseEntity.ok().eTag(etag(goal.revision())).body(PlanViews.of(plan, goal));
    }

    @PostMapping("/{planId}/approval")
    @PreAuthorize("hasRole('COORDINATOR')")
    PlanViews.PlanView approve(
            @PathVariable String planId, @Valid @RequestBody PlanRequests.NewApproval request, Caller caller) {
        Plan plan = findOwn(planId, caller);
        plan.approve(PlanViews.approval(request));
        return PlanViews.of(plans.save(plan));
    }

    private Plan find(String planId) {
        return plans.findById(planId).orElseThrow(() -> Problem.notFound("plan", planId));
    }

    /** A coordinator of another region learns nothing of the plan's existence. */
    private Plan findOwn(String planId, Caller caller) {
        Plan plan = find(planId);
        if (!caller.actsFor(plan.region())) {
            throw Problem.notFound("plan", planId);
        }
        return plan;
    }

    private static String etag(long revision) {
        return "\"" + revision + "\"";
    }
}
