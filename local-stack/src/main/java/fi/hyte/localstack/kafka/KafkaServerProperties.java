package fi.hyte.localstack.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code server.properties} of a single-node KRaft broker in combined mode (broker and controller). */
final class KafkaServerProperties {

    private KafkaServerProperties() {}

    static Map<String, String> of(int port, int controllerPort, Path logDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        // A static voter set rather than a dynamic quorum (controller.quorum.bootstrap.servers + format
        // --standalone): a dynamic quorum records the controller's endpoint in the metadata log, so the data
        // directory would break if hyte.local.kafka-port changed between runs; the static set is read anew each start.
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        // Forward slashes: a backslash is an escape character in a properties file, and Java accepts '/' everywhere.
        properties.put("log.dirs", logDir.toAbsolutePath().toString().replace('\\', '/'));
        // One broker: every internal topic with one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "true");
        // Consumers join at once instead of waiting 3 s for more members that will not come.
        properties.put("group.initial.rebalance.delay.ms", "0");
        // After a crash, the restarted node's controller refuses its broker's registration until the previous
        // incarnation's session has expired: 5 s instead of 9 s of "Another broker is registered with that id".
        properties.put("broker.session.timeout.ms", "5000");
        properties.put("broker.heartbeat.interval.ms", "1000");
        return properties;
    }

    static String render(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(
                        "\n",
                        "# Written by local-stack at every start (edit hyte.local.* instead); see KafkaServerProperties.\n",
                        "\n"));
    }
}
