package fi.hyte.bench.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Whether report-service's consumer group has caught up with the event topics. */
public final class ReportLag {

    public static final List<String> TOPICS =
            List.of("hyte.plan.events", "hyte.action.events", "hyte.indicator.events");
    public static final String GROUP = "report-service";

    private ReportLag() {}

    /** Waits until the group's committed offsets reach the topics' ends. */
    public static void await(String bootstrap, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await(admin, timeout);
        }
    }

    public static void await(Admin admin, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> ends = endOffsets(admin);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            boolean caughtUp = ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata at = committed.get(end.getKey());
                return end.getValue() == 0 || (at != null && at.offset() >= end.getValue());
            });
            if (caughtUp) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("report-service did not catch up in " + timeout);
    }

    /** Waits until the group has caught up, at most {@code timeout}; returns how many records it is still behind. */
    public static long awaitOrBehind(String bootstrap, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long behind;
            while ((behind = behind(admin)) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            return behind;
        }
    }

    /** Records of the event topics the group has not committed yet. */
    public static long behind(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
        long behind = 0;
        for (var end : endOffsets(admin).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            behind += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
        }
        return behind;
    }

    /** The end offset of every partition of the event topics. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        var partitions = new ArrayList<TopicPartition>();
        admin.describeTopics(TOPICS)
                .allTopicNames()
                .get()
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        var request = new HashMap<TopicPartition, OffsetSpec>();
        partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
        var result = new HashMap<TopicPartition, Long>();
        admin.listOffsets(request).all().get().forEach((p, info) -> result.put(p, info.offset()));
        return result;
    }
}
