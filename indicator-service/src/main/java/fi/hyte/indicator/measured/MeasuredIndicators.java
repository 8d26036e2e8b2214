package fi.hyte.indicator.measured;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The indicators that goals in force measure. */
@Component
public class MeasuredIndicators {

    private final MongoTemplate mongo;

    MeasuredIndicators(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every indicator id that some approved goal, not retired and not of a closed plan, measures; ascending. */
    public List<Integer> inForce() {
        var query = Query.query(where(MeasuredGoal.IN_FORCE).is(true));
        query.fields().include(MeasuredGoal.INDICATORS);
        return mongo.find(query, Document.class, "measured_goals").stream()
                .flatMap(goal -> goal.getList(MeasuredGoal.INDICATORS, Integer.class, List.of()).stream())
                .distinct()
                .sorted()
                .toList();
    }
}
