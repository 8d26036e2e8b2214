package fi.hyte.indicator.value;

import java.util.List;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All indicator values. */
public interface IndicatorValues extends ListCrudRepository<IndicatorValue, String> {

    /** One indicator's values in a region and gender, years {@code from} to {@code to} inclusive, by year. */
    @Query(
            value = "{ 'indicator': ?0, 'region': ?1, 'gender': ?2, 'year': { '$gte': ?3, '$lte': ?4 } }",
            sort = "{ 'year': 1 }")
    List<IndicatorValue> findSeries(int indicator, String region, String gender, int from, int to);
}
