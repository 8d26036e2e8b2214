package fi.hyte.report.risk;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /dashboard/at-risk?region=}: the region's goals at risk now, for the dashboard's markers. */
@RestController
@Validated
class AtRiskController {

    record AtRisk(String goalId, String planId, String title, Instant since, GoalAtRisk alert) {}

    private final MongoTemplate mongo;

    AtRiskController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/dashboard/at-risk")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OWNER', 'VIEWER')")
    List<AtRisk> atRisk(
            @RequestParam @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is not a region code") String region) {
        var atRisk = Query.query(Criteria.where("region")
                        .is(region)
                        .and("status")
                        .is("APPROVED")
                        .and("atRisk")
                        .is(true))
                .with(Sort.by("title"));
        return mongo.find(atRisk, WatchedGoal.class).stream()
                .map(g -> new AtRisk(g.id(), g.planId(), g.title(), g.atRiskSince(), g.lastAlert()))
                .toList();
    }
}
