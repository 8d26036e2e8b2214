package fi.hyte.plan.plan;

import java.time.Instant;

/**
 * One change to a plan or one of its goals, kept in the plan's own document beside the change itself, so
 * that the history is exactly as complete as the state: every event the plan raises adds one entry. The
 * outbox is drained once events are published; this history is not.
 *
 * @param aggregateVersion the {@code aggregateVersion} of the event this entry records; with the plan id it
 *     names that event on {@code hyte.plan.events}
 * @param type the event's logical type, e.g. {@code goal.revised}
 * @param at when the change was committed (set on save)
 * @param actor who made it: the token subject, or {@code system}
 * @param goalId the goal concerned, if any
 * @param summary what changed, in a sentence
 */
public record HistoryEntry(
        long aggregateVersion, String type, Instant at, String actor, String goalId, String summary) {

    HistoryEntry at(Instant committed) {
        return new HistoryEntry(aggregateVersion, type, committed, actor, goalId, summary);
    }
}
