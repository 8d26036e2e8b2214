package fi.hyte.report.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A counter that every change to what a report shows increases (collection {@code generation}, one document;
 * not part of the read model's content). A report computed at generation n is still exact while the counter
 * reads n, on every instance: reading it is one lookup by id, where recomputing a county's report reads
 * hundreds of series.
 */
@Component
public class Generation {

    static final String COLLECTION = "generation";
    private static final Query THE_COUNTER = Query.query(Criteria.where("_id").is("reports"));

    private final MongoTemplate mongo;

    Generation(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long current() {
        Document counter = mongo.findOne(THE_COUNTER, Document.class, COLLECTION);
        return counter == null ? 0 : ((Number) counter.get("n")).longValue();
    }

    /** Called after any write that changes what a report shows. */
    public void advance() {
        mongo.findAndModify(
                THE_COUNTER,
                new Update().inc("n", 1),
                FindAndModifyOptions.options().upsert(true),
                Document.class,
                COLLECTION);
    }
}
