package fi.hyte.plan.plan.web;

import fi.hyte.plan.plan.Plan;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** HYTE negotiations recorded on a plan ({@code negotiation.recorded}). */
@RestController
@Validated
@RequestMapping("/api/plans/{planId}/negotiations")
class NegotiationController {

    private final PlanAccess access;

    NegotiationController(PlanAccess access) {
        this.access = access;
    }

    @PostMapping
    @PreAuthorize(PlanController.COORDINATOR)
    ResponseEntity<PlanViews.NegotiationView> record(
            @PathVariable String planId, @Valid @RequestBody PlanRequests.NewNegotiation request, Caller caller) {
        Plan plan = access.findOwn(planId, caller);
        var negotiation =
                plan.recordNegotiation(request.date(), request.parties(), request.summary(), request.agreedGoals());
        access.save(plan);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(negotiation.id())
                .toUri();
        return ResponseEntity.created(location).body(PlanViews.of(plan, negotiation));
    }

    @GetMapping
    @PreAuthorize(PlanController.READERS)
    List<PlanViews.NegotiationView> list(@PathVariable String planId) {
        Plan plan = access.find(planId);
        return plan.negotiations().stream().map(n -> PlanViews.of(plan, n)).toList();
    }

    @GetMapping("/{negotiationId}")
    @PreAuthorize(PlanController.READERS)
    PlanViews.NegotiationView get(@PathVariable String planId, @PathVariable String negotiationId) {
        Plan plan = access.find(planId);
        return plan.negotiation(negotiationId)
                .map(n -> PlanViews.of(plan, n))
                .orElseThrow(() -> Problem.notFound("negotiation", negotiationId));
    }
}
