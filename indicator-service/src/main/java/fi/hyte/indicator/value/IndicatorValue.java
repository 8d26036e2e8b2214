package fi.hyte.indicator.value;

import fi.hyte.support.outbox.OutboxAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The value of an indicator in a region, year and gender, with every value it has had. Its id derives from
 * its {@link ValueKey}, so concurrent first writes of a key collide rather than duplicate; its version
 * makes concurrent changes of one value collide rather than overwrite.
 */
@Document("indicator_values")
@CompoundIndex(name = "series", def = "{'indicator': 1, 'region': 1, 'gender': 1, 'year': 1}")
public class IndicatorValue extends OutboxAggregate {

    @Id
    private final String id;

    private final int indicator;
    private final String region;
    private final int year;
    private final String gender;
    private Double value;
    private Double absValue;
    private String feedId;
    private Instant updatedAt;
    private final List<Revision> revisions;

    IndicatorValue(
            String id,
            int indicator,
            String region,
            int year,
            String gender,
            Double value,
            Double absValue,
            String feedId,
            Instant updatedAt,
            List<Revision> revisions) {
        this.id = id;
        this.indicator = indicator;
        this.region = region;
        this.year = year;
        this.gender = gender;
        this.value = value;
        this.absValue = absValue;
        this.feedId = feedId;
        this.updatedAt = updatedAt;
        this.revisions = revisions == null ? new ArrayList<>() : new ArrayList<>(revisions);
    }

    /** A key that has no value yet. */
    static IndicatorValue of(ValueKey key) {
        return new IndicatorValue(
                key.id(),
                key.indicator(),
                key.region(),
                key.year(),
                key.gender().code(),
                null,
                null,
                null,
                null,
                List.of());
    }

    /**
     * Records the observation that row {@code row} of feed {@code feed} brings. A value equal to the stored
     * one changes nothing; so does a row already recorded, so that processing a feed again (after a crash, or
     * a redelivery) neither reverts later values nor announces anything twice.
     */
    Outcome record(Observation observation, String feed, int row, Instant at) {
        boolean recordedBefore = revisions.stream().anyMatch(revision -> revision.isFrom(feed, row));
        boolean equal =
                value != null && value.equals(observation.value()) && Objects.equals(absValue, observation.absValue());
        if (recordedBefore || equal) {
            return Outcome.UNCHANGED;
        }
        Double previous = value;
        value = observation.value();
        absValue = observation.absValue();
        feedId = feed;
        updatedAt = at;
        revisions.add(new Revision(observation.value(), observation.absValue(), feed, row, at));
        raise(new ValueEvent.IndicatorUpdated(
                id, indicator, region, year, gender, observation.value(), observation.absValue(), previous, feed));
        return Outcome.CHANGED;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    /** The region code: every event of the value carries it in its envelope. */
    @Override
    public String region() {
        return region;
    }

    public String id() {
        return id;
    }

    public int indicator() {
        return indicator;
    }

    public int year() {
        return year;
    }

    public String gender() {
        return gender;
    }

    public Double value() {
        return value;
    }

    public Double absValue() {
        return absValue;
    }

    /** The feed that brought the current value. */
    public String feedId() {
        return feedId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Every value this one has had, oldest first; the last is the current one. */
    public List<Revision> revisions() {
        return Collections.unmodifiableList(revisions);
    }
}
