package fi.hyte.plan.plan.web;

import fi.hyte.plan.plan.MeasureRules;
import fi.hyte.plan.plan.Plan;
import fi.hyte.plan.plan.Plans;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Plans: drafting, details, approval, mid-term revisions, closure, approved versions and history.
 * Coordinators change the plans of their own region; coordinators, owners and viewers read.
 */
@RestController
@Validated
@RequestMapping("/api/plans")
class PlanController {

    private static final Logger log = LoggerFactory.getLogger(PlanController.class);

    static final String READERS = "hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')";
    static final String COORDINATOR = "hasRole('COORDINATOR')";
    private static final String PLAN_ETAG = "p";

    private final Plans plans;
    private final PlanAccess access;
    private final MeasureRules rules;

    PlanController(Plans plans, PlanAccess access, MeasureRules rules) {
        this.plans = plans;
        this.access = access;
        this.rules = rules;
    }

    @PostMapping
    @PreAuthorize(COORDINATOR)
    ResponseEntity<PlanViews.PlanView> create(@Valid @RequestBody PlanRequests.NewPlan request, Caller caller) {
        if (!caller.actsFor(request.region())) {
            throw Problem.forbidden(
                    "a coordinator of %s cannot create plans for %s".formatted(caller.region(), request.region()));
        }
        Plan plan = plans.save(Plan.draft(request.region(), PlanViews.details(request)));
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(plan.id())
                .toUri();
        return ResponseEntity.created(location).eTag(etag(plan)).body(PlanViews.of(plan));
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
    ResponseEntity<PlanViews.PlanView> get(@PathVariable String planId) {
        Plan plan = access.find(planId);
        return ResponseEntity.ok().eTag(etag(plan)).body(PlanViews.of(plan));
    }

    /** Replaces the plan's own details (title, term, sections, organisations), given the ETag read. */
    @PutMapping("/{planId}")
    @PreAuthorize(COORDINATOR)
    ResponseEntity<PlanViews.PlanView> revise(
            @PathVariable String planId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.RevisedPlan request,
            Caller caller) {
        Plan plan = access.findOwn(planId, caller);
        long current = plan.lockVersion() == null ? 0 : plan.lockVersion();
        if (PlanAccess.basedOn(ifMatch, PLAN_ETAG, current) != current) {
            throw Problem.preconditionFailed(
                    "plan %s has changed since ETag %s was read; read it again".formatted(planId, ifMatch));
        }
        plan.revise(PlanViews.details(request));
        try {
            plan = access.save(plan);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw Problem.preconditionFailed(
                    "plan %s changed while this change was made; read it again".formatted(planId));
        }
        return ResponseEntity.ok().eTag(etag(plan)).body(PlanViews.of(plan));
    }

    @PostMapping("/{planId}/approval")
    @PreAuthorize(COORDINATOR)
    ResponseEntity<PlanViews.PlanView> approve(
            @PathVariable String planId, @Valid @RequestBody PlanRequests.NewApproval request, Caller caller) {
        Plan plan = access.findOwn(planId, caller);
        rules.checkBeforeApproval(plan);
        plan.approve(PlanViews.approval(request));
        plan = access.save(plan);
        log.info("plan {} of {} approved by {} ({})", planId, plan.region(), caller.subject(), request.reference());
        return ResponseEntity.ok().eTag(etag(plan)).body(PlanViews.of(plan));
    }

    /** Opens a mid-term revision of an approved plan; the approved version stays in force and readable. */
    @PostMapping("/{planId}/revisions")
    @PreAuthorize(COORDINATOR)
    ResponseEntity<PlanViews.PlanView> openRevision(
            @PathVariable String planId, @Valid @RequestBody PlanRequests.NewRevision request, Caller caller) {
        Plan plan = access.findOwn(planId, caller);
        plan.openRevision(request.reason());
        plan = access.save(plan);
        return ResponseEntity.ok().eTag(etag(plan)).body(PlanViews.of(plan));
    }

    @PostMapping("/{planId}/closure")
    @PreAuthorize(COORDINATOR)
    ResponseEntity<PlanViews.PlanView> close(
            @PathVariable String planId,
            @Valid @RequestBody(required = false) PlanRequests.Closure request,
            Caller caller) {
        Plan plan = access.findOwn(planId, caller);
        plan.close(request == null ? null : request.reason());
        plan = access.save(plan);
        return ResponseEntity.ok().eTag(etag(plan)).body(PlanViews.of(plan));
    }

    @GetMapping("/{planId}/versions")
    @PreAuthorize(READERS)
    List<PlanViews.VersionSummary> versions(@PathVariable String planId) {
        return access.find(planId).versions().stream().map(PlanViews::summary).toList();
    }

    @GetMapping("/{planId}/versions/{version}")
    @PreAuthorize(READERS)
    PlanViews.VersionView version(@PathVariable String planId, @PathVariable int version) {
        Plan plan = access.find(planId);
        return plan.version(version)
                .map(v -> PlanViews.of(plan, v))
                .orElseThrow(() -> Problem.notFound("approved version of plan " + planId, version));
    }

    /** Every change to the plan and its goals, oldest first: who, when, what. */
    @GetMapping("/{planId}/history")
    @PreAuthorize(READERS)
    List<PlanViews.HistoryView> history(@PathVariable String planId) {
        return access.find(planId).history().stream().map(PlanViews::of).toList();
    }

    private static String etag(Plan plan) {
        return PlanAccess.etag(PLAN_ETAG, plan.lockVersion() == null ? 0 : plan.lockVersion());
    }
}
