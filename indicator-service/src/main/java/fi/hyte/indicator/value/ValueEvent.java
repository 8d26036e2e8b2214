package fi.hyte.indicator.value;

import fi.hyte.support.event.DomainEvent;

/**
 * What happens to indicator values, as published on {@code hyte.indicator.events}, keyed by the value id.
 * The record components are the payload; the contract is {@code asyncapi.yaml} in this module's resources.
 */
public sealed interface ValueEvent extends DomainEvent {

    /** The value's id, e.g. {@code 4284:HVA-4:2024:total}. */
    String valueId();

    /**
     * An indicator value is new or has really changed; never raised for a value equal to the stored one.
     *
     * @param region region code of the catalogue
     * @param previousValue the value before, {@code null} if the value is new
     * @param feedId the feed that brought the value
     */
    record IndicatorUpdated(
            String valueId,
            int indicator,
            String region,
            int year,
            String gender,
            double value,
            Double absValue,
            Double previousValue,
            String feedId)
            implements ValueEvent {
        @Override
        public String type() {
            return "indicator.updated";
        }
    }
}
