package fi.hyte.localstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM, persisted in one H2 MVStore file. Services connect to it with the
 * ordinary MongoDB driver; sessions and multi-document transactions are not supported.
 */
public final class MongoWireServer implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    public MongoWireServer(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        H2Backend backend = new HelloAnsweringH2Backend(file.toString());
        // The MongoDB driver Boot 4 brings refuses servers older than wire version 8 (MongoDB 4.2).
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer started = new MongoServer(backend);
        // The oplog is what change streams read.
        started.enableOplog();
        try {
            started.bind("localhost", port);
        } catch (RuntimeException e) {
            started.shutdownNow(); // closes the backend, releasing the H2 file lock
            throw e;
        }
        server = started;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public Path file() {
        return file;
    }

    /** Closes client connections, then the backend: H2 writes its last changes and releases the file. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
