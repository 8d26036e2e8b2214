package fi.hyte.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import fi.hyte.localstack.testing.TestJars;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

    @TempDir
    Path dir;

    private final int port = TestJars.freePort();
    private MongoWireServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersHelloAsSpringBootsHealthIndicatorAsksIt() {
        server = start();

        try (MongoClient client = client()) {
            Document hello = client.getDatabase("hyte-plan").runCommand(new Document("hello", 1));

            assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void keepsDocumentsAcrossARestart() {
        server = start();
        try (MongoClient client = client()) {
            plans(client).insertOne(new Document("_id", "plan-1").append("title", "Liikkuva Vantaa"));
        }
        server.close();

        server = start();

        try (MongoClient client = client()) {
            assertThat(plans(client).find(new Document("_id", "plan-1")).first())
                    .containsEntry("title", "Liikkuva Vantaa");
        }
    }

    @Test
    void releasesThePortWhenClosed() {
        server = start();

        server.close();

        assertThat(server.isRunning()).isFalse();
        server = start(); // binds the same port and opens the same file again
        assertThat(server.isRunning()).isTrue();
    }

    private MongoWireServer start() {
        MongoWireServer started = new MongoWireServer(dir.resolve("hyte.mv"), port);
        started.start();
        return started;
    }

    private MongoClient client() {
        return MongoClients.create("mongodb://localhost:" + port);
    }

    private static MongoCollection<Document> plans(MongoClient client) {
        return client.getDatabase("hyte-plan").getCollection("plans");
    }
}
