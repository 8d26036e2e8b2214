package fi.hyte.faults.fault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * 11: one poison record (bytes that are not JSON) on every consumed topic. Every consumer group that reads the
 * topic must dead-letter it once and go on: {@link #EXPECTED} lists the groups per topic and where they
 * dead-letter.
 */
public final class Poison implements Fault {

    /** Marks poison in the dead-letter topics (the value is dead-lettered as it was). */
    public static final String MARKER = "hyte-poison";

    /**
     * topic -> dead-letter topic -> records. Each consuming service dead-letters a poison record once: report-service's
     * read-model consumer does it for the three domain topics (its live-log and at-risk groups skip what they cannot
     * read), its live log for {@code hyte.report.events}, which no other of its groups reads.
     */
    static final Map<String, Map<String, Long>> EXPECTED = Map.of(
            "hyte.plan.events",
                    Map.of(
                            "hyte.action-service.dlq",
                            1L,
                            "hyte.indicator-service.dlq",
                            1L,
                            "hyte.report-service.dlq",
                            1L),
            "hyte.action.events", Map.of("hyte.report-service.dlq", 1L),
            "hyte.indicator.events", Map.of("hyte.plan-service.dlq", 1L, "hyte.report-service.dlq", 1L),
            "hyte.report.events", Map.of("hyte.report-service.dlq", 1L),
            "hyte.indicator.feeds", Map.of("hyte.indicator.feeds.dlq", 1L));

    public int number() {
        return 11;
    }

    public String name() {
        return "poison on every consumed topic";
    }

    public String description() {
        return "one non-JSON record on each of the 5 consumed topics; each consuming service (8 dead letters in all) must"
                + " dead-letter it once";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        List<ProducerRecord<byte[], byte[]>> poison = new ArrayList<>();
        for (String topic : EXPECTED.keySet()) {
            String value = "%s round %d on %s: {not json".formatted(MARKER, c.round(), topic);
            poison.add(new ProducerRecord<>(
                    topic, "poison".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
        }
        c.kafka().send(poison);
    }

    @Override
    public Map<String, Long> expectedDeadLetters() {
        Map<String, Long> all = new TreeMap<>();
        EXPECTED.values().forEach(m -> m.forEach((dlq, n) -> all.merge(dlq, n, Long::sum)));
        return all;
    }
}
