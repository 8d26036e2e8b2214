package fi.hyte.plan.plan;

import com.mongodb.MongoClientSettings;
import fi.hyte.support.web.Problem;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Refuses a change that would make a plan's document too large for MongoDB (16 MiB), as a 409 rather than a
 * failed write. Realistic plans stay far below it (a plan of 30 goals with a few approved versions and a
 * thousand history entries is well under 1 MB), but goals, negotiations, approved versions and history all
 * live in the one document, so the bound is checked where it applies: on the document about to be written,
 * its new events included.
 */
@Component
class PlanSizeLimit extends AbstractMongoEventListener<Plan> {

    /** Below MongoDB's 16 MiB, leaving room for what the driver adds to the write. */
    static final int MAX_BYTES = 15 * 1024 * 1024;

    @Override
    public void onBeforeSave(BeforeSaveEvent<Plan> event) {
        Document document = event.getDocument();
        if (document == null) {
            return;
        }
        int size = new RawBsonDocument(
                        document, MongoClientSettings.getDefaultCodecRegistry().get(Document.class))
                .getByteBuffer()
                .remaining();
        if (size > MAX_BYTES) {
            throw Problem.conflict(
                    "plan %s would grow to %d bytes, more than a plan can hold (%d); shorten its texts or draft a new plan"
                            .formatted(event.getSource().id(), size, MAX_BYTES));
        }
    }
}
