package fi.hyte.faults.oracle;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every store of the stack as canonical JSON, one sorted list of documents per collection, with what legitimately
 * differs between two runs of the same input taken out:
 *
 * <ul>
 *   <li>ids the services generate (plans, goals, actions, feeds) are replaced by the load's names for them
 *       ({@code plan:r3u1}), and any other UUID (event ids, correlation ids, ids derived from those) by
 *       {@code <uuid>};
 *   <li>times (BSON dates and ISO date-times in strings) by {@code <time>};
 *   <li>Kafka positions in raw-feed row and batch identities ({@code kafka:<topic>:<partition>:<offset>},
 *       {@code raw:<topic>:<partition>:<offset>+<count>}) by {@code <offset>}: poison and re-sent records take
 *       offsets too, and where the binder cuts batches is timing; for the same reason the raw batches' own
 *       {@code feed_chunks} documents (ids {@code raw:...}) are left out, while the values, revisions and events
 *       they produced are compared;
 *   <li>fields that record how the work went rather than what it produced: {@link #EXCLUDED_FIELDS};
 *   <li>collections that only coordinate the work: {@link #EXCLUDED_COLLECTIONS}.
 * </ul>
 *
 * What remains (every plan, goal, action, value, revision, read model, event-log entry with its envelope and
 * aggregate version) must be identical, document for document, to a fault-free run.
 */
public final class Snapshot {

    public static final List<String> DATABASES = List.of("hyte-plan", "hyte-action", "hyte-indicator", "hyte-report");

    /**
     * {@code seq}: the event log's arrival number, which depends on how consumers interleave; {@code attempts}: how
     * often a feed was claimed, which a crash raises; {@code worker}/{@code owner}: which process held a lease.
     */
    public static final Set<String> EXCLUDED_FIELDS = Set.of("seq", "attempts", "worker", "leaseOwner");

    /**
     * {@code counters}: the event log's sequence counter; {@code generation}: report-service's cache-invalidation
     * counter ("not part of the read model's content"); {@code sotkanet_fetches}: the connector's claims.
     */
    public static final Set<String> EXCLUDED_COLLECTIONS = Set.of("counters", "generation", "sotkanet_fetches");

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}[0-9:.]*(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern OFFSET = Pattern.compile("(kafka|raw):([a-z.\\-]+):\\d+:\\d+(\\+\\d+)?");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Collection ({@code db.collection}) to its documents, normalised, as sorted canonical JSON lines. */
    private final Map<String, List<String>> collections;

    private Snapshot(Map<String, List<String>> collections) {
        this.collections = collections;
    }

    /** Reads every collection of every service database. {@code names} maps generated ids to stable names. */
    public static Snapshot take(MongoClient mongo, Function<String, String> names) {
        Map<String, List<String>> all = new TreeMap<>();
        for (String name : DATABASES) {
            MongoDatabase db = mongo.getDatabase(name);
            for (String collection : db.listCollectionNames()) {
                if (EXCLUDED_COLLECTIONS.contains(collection) || collection.startsWith("system.")) {
                    continue;
                }
                List<String> docs = new ArrayList<>();
                for (Document doc : db.getCollection(collection).find()) {
                    if (collection.equals("feed_chunks")
                            && String.valueOf(doc.get("_id")).startsWith("raw:")) {
                        continue; // a raw-feed batch's bookkeeping: where batches begin and end is timing
                    }
                    docs.add(JSON.writeValueAsString(normalise(doc, names)));
                }
                docs.sort(null);
                all.put(name + "." + collection, docs);
            }
        }
        return new Snapshot(all);
    }

    public Map<String, String> hashes() {
        Map<String, String> hashes = new TreeMap<>();
        collections.forEach((name, docs) -> hashes.put(name, sha256(String.join("\n", docs))));
        return hashes;
    }

    public String hash() {
        return sha256(hashes().toString());
    }

    /**
     * What changed since {@code before}, per collection: {@code "+ doc"} for each document (as normalised) that is
     * new or changed, {@code "- doc"} for each that is gone or changed. Comparing one round's change with the
     * fault-free run's change for the same round judges the round on its own, even after an earlier round went
     * wrong.
     */
    public Snapshot since(Snapshot before) {
        Map<String, List<String>> delta = new TreeMap<>();
        Set<String> names = new TreeSet<>(collections.keySet());
        names.addAll(before.collections.keySet());
        for (String name : names) {
            List<String> now = collections.getOrDefault(name, List.of());
            List<String> then = before.collections.getOrDefault(name, List.of());
            List<String> added = new ArrayList<>(now);
            then.forEach(added::remove);
            List<String> removed = new ArrayList<>(then);
            now.forEach(removed::remove);
            List<String> change = new ArrayList<>();
            added.forEach(d -> change.add("+ " + d));
            removed.forEach(d -> change.add("- " + d));
            if (!change.isEmpty()) {
                change.sort(null);
                delta.put(name, change);
            }
        }
        return new Snapshot(delta);
    }

    public Map<String, List<String>> collections() {
        return collections;
    }

    /** What differs from another snapshot, collection by collection, with a few documents of each side. */
    public List<String> differences(Snapshot expected, int examples) {
        List<String> out = new ArrayList<>();
        Set<String> names = new TreeSet<>(collections.keySet());
        names.addAll(expected.collections.keySet());
        for (String name : names) {
            List<String> mine = collections.getOrDefault(name, List.of());
            List<String> theirs = expected.collections.getOrDefault(name, List.of());
            if (mine.equals(theirs)) {
                continue;
            }
            List<String> extra = new ArrayList<>(mine);
            theirs.forEach(extra::remove);
            List<String> missing = new ArrayList<>(theirs);
            mine.forEach(missing::remove);
            out.add("%s: %d documents, expected %d; %d unexpected, %d missing"
                    .formatted(name, mine.size(), theirs.size(), extra.size(), missing.size()));
            extra.stream().limit(examples).forEach(d -> out.add("  + " + abbreviate(d)));
            missing.stream().limit(examples).forEach(d -> out.add("  - " + abbreviate(d)));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
    }

    static Object normalise(Object value, Function<String, String> names) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!EXCLUDED_FIELDS.contains(key)) {
                    out.put(normaliseString(key, names), normalise(v, names));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(normalise(v, names)));
            return out;
        }
        if (value instanceof String s) {
            return normaliseString(s, names);
        }
        if (value instanceof Date) {
            return "<time>";
        }
        if (value instanceof ObjectId id) {
            return "<objectid>"; // generated by the driver on insert
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue().toPlainString();
        }
        if (value instanceof Binary b) {
            return HexFormat.of().formatHex(b.getData());
        }
        if (value instanceof org.bson.types.BSONTimestamp) {
            return "<time>";
        }
        return value;
    }

    private static String normaliseString(String s, Function<String, String> names) {
        String replaced = s;
        if (s.length() >= 36) {
            Matcher m = UUID.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = names.apply(m.group());
                m.appendReplacement(sb, Matcher.quoteReplacement(name == null ? "<uuid>" : name));
            }
            m.appendTail(sb);
            replaced = sb.toString();
        }
        if (replaced.length() >= 16) {
            replaced = TIME.matcher(replaced).replaceAll("<time>");
        }
        if (replaced.contains("kafka:") || replaced.contains("raw:")) {
            replaced = OFFSET.matcher(replaced).replaceAll("$1:$2:<offset>");
        }
        return replaced;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
