package fi.hyte.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker (KRaft, in this JVM), one Mongo-wire server and one token issuer per test JVM,
 * started on first use and shared by every test class; stopped when the JVM exits.
 *
 * <p>Each test class should use its own database name so that classes do not see each other's data.
 */
public final class TestInfrastructure {

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static InetSocketAddress mongoAddress;

    private TestInfrastructure() {}

    public static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            var backend = new MemoryBackend().version(ServerVersion.MONGO_5_0);
            mongo = new MongoServer(backend);
            mongo.enableOplog();
            mongo.bind("localhost", 0);
            mongoAddress = mongo.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return "mongodb://localhost:%d/%s".formatted(mongoAddress.getPort(), database);
    }

    /**
     * Points a Spring Boot test at the shared broker, a fresh database and the test token issuer: the same
     * property names the services read from their environment in production.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("KAFKA_BOOTSTRAP", TestInfrastructure::kafkaBootstrap);
        registry.add("MONGODB_URI", () -> mongoUri(database));
        registry.add("JWT_ISSUER_URI", TestTokens::issuer);
        registry.add("JWT_JWK_SET_URI", TestTokens::jwkSetUri);
    }
}
