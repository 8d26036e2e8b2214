package fi.hyte.report.projection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The read-model collections as a whole: their indexes, a content hash that shows whether two databases
 * hold the same read model, and the rebuild. With {@code hyte.report.rebuild=true} (environment
 * {@code REPORT_REBUILD}) the collections are dropped before the consumers start, and the binder resets the
 * consumer group's offsets to the beginning of the topics, so everything is replayed from offset 0.
 * Publications and narratives are report-service's own state, not read models: they are kept.
 */
@Component
public class ReadModels implements SmartInitializingSingleton {

    /** Every collection that the event topics alone fill. */
    public static final List<String> COLLECTIONS = List.of("actions", "counties", "goals", "plans", "series");

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);
    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoTemplate mongo;
    private final Generation generation;
    private final boolean rebuild;

    ReadModels(MongoTemplate mongo, Generation generation, @Value("${hyte.report.rebuild:false}") boolean rebuild) {
        this.mongo = mongo;
        this.generation = generation;
        this.rebuild = rebuild;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // runs before any lifecycle bean, so before the bindings start consuming
        if (rebuild) {
            COLLECTIONS.forEach(collection -> {
                if (mongo.collectionExists(collection)) {
                    mongo.dropCollection(collection);
                }
            });
            generation.advance();
            log.warn("Read models {} dropped: replaying the event topics from the beginning", COLLECTIONS);
        }
        // the report's queries: a region's goals and the goals' actions; series are read by _id
        mongo.indexOps("goals").createIndex(new Index().on("region", Sort.Direction.ASC));
        mongo.indexOps("actions").createIndex(new Index().on("goalId", Sort.Direction.ASC));
    }

    /**
     * SHA-256 over every read-model document, collections and documents in {@code _id} order, each as JSON
     * with its keys sorted: equal hashes mean equal read models.
     */
    public String contentHash() {
        MessageDigest digest = sha256();
        for (String collection : COLLECTIONS) {
            digest.update(("\u0000" + collection + "\u0000").getBytes(StandardCharsets.UTF_8));
            for (Document document : mongo.find(new Query().with(Sort.by("_id")), Document.class, collection)) {
                digest.update(canonical(document).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** Number of documents per read-model collection. */
    public Map<String, Long> counts() {
        var counts = new TreeMap<String, Long>();
        COLLECTIONS.forEach(collection -> counts.put(collection, mongo.count(new Query(), collection)));
        return counts;
    }

    static String canonical(Document document) {
        return sorted(document).toJson(CANONICAL);
    }

    private static Document sorted(Document document) {
        var sorted = new Document();
        new TreeMap<>(document).forEach((key, value) -> sorted.put(key, sortedValue(value)));
        return sorted;
    }

    private static Object sortedValue(Object value) {
        if (value instanceof Document nested) {
            return sorted(nested);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(sortedValue(item)));
            return copy;
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
