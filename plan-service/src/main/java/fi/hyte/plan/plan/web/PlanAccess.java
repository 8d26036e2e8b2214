package fi.hyte.plan.plan.web;

import fi.hyte.plan.plan.Plan;
import fi.hyte.plan.plan.Plans;
import fi.hyte.support.security.Caller;
import fi.hyte.support.web.Problem;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finding plans for the controllers, and the HTTP preconditions of optimistic concurrency. Everyone who may
 * read reads every plan (welfare plans are public documents); a coordinator changes only the plans of their
 * own region, and another region's plan is not found rather than forbidden, so as not to reveal it.
 */
@Component
class PlanAccess {

    private final Plans plans;

    PlanAccess(Plans plans) {
        this.plans = plans;
    }

    Plan find(String planId) {
        return plans.findById(planId).orElseThrow(() -> Problem.notFound("plan", planId));
    }

    Plan findOwn(String planId, Caller caller) {
        Plan plan = find(planId);
        if (!caller.actsFor(plan.region())) {
            throw Problem.notFound("plan", planId);
        }
        return plan;
    }

    Plan save(Plan plan) {
        return plans.save(plan);
    }

    /** A goal's ETag: its revision. */
    static String etag(long revision) {
        return etag("", revision);
    }

    /** An ETag of a kind of resource: a plan's is {@code "p<lock version>"}, so it is never taken for a goal's. */
    static String etag(String kind, long revision) {
        return "\"" + kind + revision + "\"";
    }

    /**
     * The revision a conditional change was made on, from its {@code If-Match} header: the current one if
     * any of the listed tags is it (or the header is {@code *}), else the first one listed, which the caller
     * then finds stale (412). No header at all is 428: changes without it could silently overwrite.
     */
    static long basedOn(String ifMatch, long current) {
        return basedOn(ifMatch, "", current);
    }

    /** As {@link #basedOn(String, long)}, for ETags of the given kind. */
    static long basedOn(String ifMatch, String kind, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Problem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "Precondition required",
                    "Send the ETag you read in If-Match, so that a change made meanwhile is not overwritten.",
                    "If-Match");
        }
        var tags = Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .toList();
        if (tags.contains("*")) {
            return current;
        }
        Long stale = null;
        for (String tag : tags) {
            boolean weak = tag.startsWith("W/"); // never matches If-Match (RFC 9110 strong comparison)
            try {
                String bare = (weak ? tag.substring(2) : tag).replace("\"", "");
                if (!bare.startsWith(kind)) {
                    continue; // an ETag of another kind of resource
                }
                long revision = Long.parseLong(bare.substring(kind.length()));
                if (revision == current && !weak) {
                    return current;
                }
                stale = stale == null ? revision : stale;
            } catch (NumberFormatException notOurs) {
                // not an ETag this API gave out: it cannot match
            }
        }
        if (stale != null && stale != current) {
            return stale;
        }
        throw Problem.preconditionFailed(
                "If-Match %s does not match the current ETag %s".formatted(ifMatch, etag(kind, current)));
    }
}
