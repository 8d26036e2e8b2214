package fi.hyte.indicator.catalogue;

import fi.hyte.support.event.DomainEvent;
import java.util.List;

/**
 * The announcement of the catalogues on {@code hyte.indicator.events}, keyed by the catalogue id
 * ({@code indicators}). The record components are the payload; the contract is {@code asyncapi.yaml} in
 * this module's resources.
 */
public sealed interface CatalogueEvent extends DomainEvent {

    String catalogueId();

    /**
     * The catalogue as it now stands, whole: consumers keep the latest and check indicator ids against it
     * without asking indicator-service. Raised when the content changes, and again after
     * {@code hyte.catalogue.republish-after} so that the topic always holds a recent one.
     *
     * @param contentHash {@code sha256:<hex>} of the ids and counties; equal hashes mean equal content
     * @param indicatorCount the number of ids
     * @param indicators every Sotkanet indicator id of the catalogue, ascending
     * @param counties the wellbeing services counties whose member municipalities the catalogue knows
     */
    record CataloguePublished(
            String catalogueId, String contentHash, int indicatorCount, List<Integer> indicators, List<County> counties)
            implements CatalogueEvent {
        @Override
        public String type() {
            return "indicator.catalogue-published";
        }
    }

    /**
     * A wellbeing services county and its member municipalities.
     *
     * @param code the county's region code, e.g. {@code HVA-4}
     * @param municipalities official three-digit municipality codes, ascending
     */
    record County(String code, List<String> municipalities) {}
}
