package fi.hyte.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

    private final Map<String, String> properties = KafkaServerProperties.of(19092, 19093, Path.of("/data/kafka"));

    @Test
    void runsOneNodeAsBrokerAndController() {
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("controller.quorum.voters", "1@localhost:19093");
    }

    @Test
    void listensOnTheBrokerPortAndTheControllerPortOfLocalhost() {
        assertThat(properties)
                .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:19092");
    }

    @Test
    void keepsOneReplicaOfEveryInternalTopic() {
        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1");
    }

    @Test
    void createsTopicsWithThreePartitionsOnFirstUse() {
        assertThat(properties)
                .containsEntry("num.partitions", "3")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void keepsItsLogInTheGivenDirectory() {
        assertThat(properties.get("log.dirs"))
                .isEqualTo(Path.of("/data/kafka").toAbsolutePath().toString().replace('\\', '/'));
    }

    @Test
    void rendersAPropertiesFileThatReadsBackTheSame() throws Exception {
        Properties read = new Properties();
        read.load(new StringReader(KafkaServerProperties.render(properties)));

        assertThat(read).containsExactlyInAnyOrderEntriesOf(properties);
    }
}
