package fi.hyte.hostile.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The content of every store of the stack as one hash per collection: every database on the Mongo-wire port, every
 * collection, its documents as canonical extended JSON sorted by {@code _id}. Left out are collections that change
 * by themselves, not by a request: Kafka-side bookkeeping of the live event log, leases, sweeps and schedules (the
 * {@link #VOLATILE} pattern); what a request may change (plans, actions, feeds, values, read models) is all in.
 */
public final class StoreSnapshot implements AutoCloseable {

    /** Collections whose content moves without any request: leases and claims, checkpoints, the live log. */
    static final Pattern VOLATILE =
            Pattern.compile("(?i).*(lease|lock|checkpoint|offset|heartbeat|shedlock|event_log|live|fetches|system).*");

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

    private final MongoClient mongo;
    private final Predicate<String> volatileCollection;

    public StoreSnapshot(String mongoUri) {
        this.mongo = MongoClients.create(mongoUri);
        this.volatileCollection = VOLATILE.asMatchPredicate();
    }

    /** {@code database.collection} -> hash of its content (and its document count). */
    public Map<String, String> take() {
        Map<String, String> hashes = new TreeMap<>();
        for (String name : mongo.listDatabaseNames()) {
            if (SYSTEM_DATABASES.contains(name)) {
                continue;
            }
            MongoDatabase database = mongo.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                if (volatileCollection.test(collection)) {
                    continue;
                }
                List<String> documents = new ArrayList<>();
                for (Document document : database.getCollection(collection).find()) {
                    documents.add(document.toJson(CANONICAL));
                }
                documents.sort(null);
                hashes.put(name + "." + collection, documents.size() + ":" + sha256(documents));
            }
        }
        return hashes;
    }

    /** Takes snapshots until two in a row, {@code pauseMillis} apart, are equal (at most {@code tries}). */
    public Map<String, String> settled(int tries, long pauseMillis) throws InterruptedException {
        Map<String, String> previous = take();
        for (int i = 0; i < tries; i++) {
            Thread.sleep(pauseMillis);
            Map<String, String> next = take();
            if (next.equals(previous)) {
                return next;
            }
            previous = next;
        }
        return previous;
    }

    /** The collections whose hash differs between two snapshots. */
    public static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(name -> java.util.Objects.equals(before.get(name), after.get(name)));
        return names;
    }

    private static String sha256(List<String> documents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String document : documents) {
                digest.update(document.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        mongo.close();
    }
}
