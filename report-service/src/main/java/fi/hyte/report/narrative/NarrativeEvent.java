package fi.hyte.report.narrative;

import fi.hyte.support.event.DomainEvent;
import java.util.List;

/** What happens to a report's narrative, as published on {@code hyte.report.events}. */
public sealed interface NarrativeEvent extends DomainEvent {

    /**
     * The coordinator wrote (or rewrote) the narrative of a region's report for a year; carries the whole
     * text, so that a consumer needs nothing else.
     */
    record NarrativeWritten(String region, int year, String summary, List<Narrative.Commentary> commentary)
            implements NarrativeEvent {
        @Override
        public String type() {
            return "report.narrative-written";
        }
    }
}
