package fi.hyte.action.action.web;

import fi.hyte.action.action.Action;
import fi.hyte.action.action.ActionPlan;
import fi.hyte.action.action.ActionStatus;
import fi.hyte.action.action.Actions;
import fi.hyte.action.goal.KnownGoals;
import fi.hyte.action.organisation.Organisations;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

/**
 * Actions. An action owner changes only their own organisation's actions, a coordinator any action in
 * their region; viewers read.
 */
@RestController
@Validated
@RequestMapping("/api/actions")
class ActionController {

    private static final String READERS = "hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')";
    private static final String WRITERS = "hasAnyRole('COORDINATOR', 'OWNER')";

    private final Actions actions;
    private final KnownGoals goals;
    private final Organisations organisations;
    private final MongoTemplate mongo;
    private final Clock clock;

    ActionController(Actions actions, KnownGoals goals, Organisations organisations, MongoTemplate mongo, Clock clock) {
        this.actions = actions;
        this.goals = goals;
        this.organisations = organisations;
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<ActionView> create(@Valid @RequestBody ActionRequests.NewAction request, Caller caller) {
        var goal = goals.findById(request.goalId())
                .orElseThrow(() -> Problem.invalid(
                        "goalId",
                        "no approved goal %s; actions are accepted only under approved goals"
                                .formatted(request.goalId())));
        var organisation = organisations
                .byId(request.organisation())
                .orElseThrow(() -> Problem.invalid("organisation", "unknown organisation " + request.organisation()));
        if (!organisation.regions().contains(goal.region())) {
            // object level: an organisation acts only in the plans of the counties it takes part in
            throw Problem.invalid(
                    "organisation",
                    "%s takes no part in the plans of %s".formatted(request.organisation(), goal.region()));
        }
        if (caller.is("owner") && !request.organisation().equals(caller.organisation())) {
            throw Problem.forbidden("an owner of %s cannot plan actions for %s"
                    .formatted(caller.organisation(), request.organisation()));
        }
        if (!caller.is("owner") && !caller.actsFor(goal.region())) {
            throw Problem.forbidden(
                    "a coordinator of %s cannot plan actions in %s".formatted(caller.region(), goal.region()));
        }
        var action = actions.save(Action.plan(
                goal,
                new ActionPlan(
                        request.title(),
                        request.description(),
                        request.kind(),
                        request.organisation(),
                        request.responsiblePerson(),
                        request.start(),
                        request.due(),
                        request.riskGroups(),
                        request.resources())));
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(action.id())
                .toUri();
        return ResponseEntity.created(location).body(view(action));
    }

    @GetMapping
    @PreAuthorize(READERS)
    ResponseEntity<List<ActionView>> find(
            @RequestParam(required = false) @Size(max = 100) String goal,
            @RequestParam(required = false) @Size(max = 100) String organisation,
            @RequestParam(required = false) ActionStatus status,
            @RequestParam(required = false) @Size(max = 40) String region,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<Criteria> filters = new ArrayList<>();
        if (goal != null) {
            filters.add(Criteria.where("goalId").is(goal));
        }
        if (organisation != null) {
            filters.add(Criteria.where("plan.organisation").is(organisation));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        if (region != null) {
            filters.add(Criteria.where("region").is(region));
        }
        LocalDate today = LocalDate.now(clock);
        if (Boolean.TRUE.equals(overdue)) {
            filters.add(Criteria.where("status").in(ActionStatus.PLANNED, ActionStatus.IN_PROGRESS));
            filters.add(Criteria.where("plan.due").lt(today));
        }
        var query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Action.class);
        query.with(Sort.by("plan.due", "_id")).skip((long) page * size).limit(size);
        var found = mongo.find(query, Action.class).stream()
                .filter(action -> overdue == null || overdue == action.isOverdue(today))
                .map(action -> ActionView.of(action, today))
                .toList();
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(total))
                .body(found);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ActionView get(@PathVariable String id) {
        return view(find(id));
    }

    @PostMapping("/{id}/start")
    @PreAuthorize(WRITERS)
    ActionView start(@PathVariable String id, Caller caller) {
        return change(id, caller, Action::start);
    }

    @PostMapping("/{id}/progress")
    @PreAuthorize(WRITERS)
    ActionView progress(
            @PathVariable String id, @Valid @RequestBody ActionRequests.ProgressReport request, Caller caller) {
        return change(
                id,
                caller,
                action -> action.reportProgress(
                        request.note(), request.percentComplete(), caller.subject(), clock.instant()));
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize(WRITERS)
    ActionView complete(
            @PathVariable String id,
            @Valid @RequestBody(required = false) ActionRequests.Completion request,
            Caller caller) {
        return change(id, caller, action -> action.complete(request == null ? null : request.note()));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(WRITERS)
    ActionView cancel(@PathVariable String id, @Valid @RequestBody ActionRequests.Cancellation request, Caller caller) {
        return change(id, caller, action -> action.cancel(request.reason()));
    }

    private ActionView change(String id, Caller caller, Consumer<Action> transition) {
        Action action = find(id);
        boolean own = caller.is("owner")
                ? action.plan().organisation().equals(caller.organisation())
                : caller.actsFor(action.region());
        if (!own) {
            throw Problem.forbidden("this action belongs to " + action.plan().organisation());
        }
        transition.accept(action);
        return view(actions.save(action));
    }

    private Action find(String id) {
        return actions.findById(id).orElseThrow(() -> Problem.notFound("action", id));
    }

    private ActionView view(Action action) {
        return ActionView.of(action, LocalDate.now(clock));
    }
}
