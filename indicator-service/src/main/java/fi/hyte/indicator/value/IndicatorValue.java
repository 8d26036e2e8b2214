package fi.hyte.indicator.value;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The value of an indicator in a region, year and gender, with every value it has had. Its id derives from
 * its {@link ValueKey}, so concurrent first writes of a key collide rather than duplicate; its version
 * makes concurrent changes of one value collide rather than overwrite. Written only by {@link ValueWriter},
 * in bulk; the revision list, each revision naming the feed row that brought it, is what makes replaying a
 * feed row harmless and lets its event be derived again. Its events ride in the outbox of the unit of work
 * that wrote it (a feed chunk), not in this document.
 */
@Document("indicator_values")
@CompoundIndex(name = "series", def = "{'indicator': 1, 'region': 1, 'gender': 1, 'year': 1}")
public class IndicatorValue {

    // field names ValueWriter reads and writes directly
    static final String VALUE = "value";
    static final String ABS_VALUE = "absValue";
    static final String FEED_ID = "feedId";
    static final String UPDATED_AT = "updatedAt";
    static final String REVISIONS = "revisions";
    static final String VERSION = "version";

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

    /** Bumped by every write: a write based on a stale read matches nothing and is retried. */
    @Version
    private Long version;

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

    /** The region code of the catalogue. */
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
