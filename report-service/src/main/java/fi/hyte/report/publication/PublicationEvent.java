package fi.hyte.report.publication;

import fi.hyte.support.event.DomainEvent;

/** What happens to publications, as published on {@code hyte.report.events}. */
public sealed interface PublicationEvent extends DomainEvent {

    /**
     * A coordinator published the report of a region and year as version {@code version}. The report itself
     * is not in the event: {@code location} serves it, and {@code contentHash} (SHA-256 of its JSON) proves
     * it unchanged.
     */
    record ReportPublished(String region, int year, int version, String contentHash, String location)
            implements PublicationEvent {
        @Override
        public String type() {
            return "report.published";
        }
    }
}
