package fi.hyte.indicator.value.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fi.hyte.indicator.value.IndicatorValue;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads series: one query on the {@code series} index (indicator, region, gender, year) for any number of
 * regions and genders, so that a county and its municipalities side by side cost no more than one series.
 */
@Component
class ValueQueries {

    private final MongoTemplate mongo;

    ValueQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indicator's values in these regions and genders, years {@code from} to {@code to} inclusive. */
    List<IndicatorValue> values(
            int indicator, Collection<String> regions, Collection<String> genders, int from, int to) {
        var query = Query.query(where("indicator")
                        .is(indicator)
                        .and("region")
                        .in(regions)
                        .and("gender")
                        .in(genders)
                        .and("year")
                        .gte(from)
                        .lte(to))
                .with(Sort.by("region", "gender", "year"));
        query.fields().exclude("revisions").exclude("outbox");
        return mongo.find(query, IndicatorValue.class);
    }
}
