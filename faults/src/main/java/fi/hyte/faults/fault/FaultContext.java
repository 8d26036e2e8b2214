package fi.hyte.faults.fault;

import fi.hyte.faults.stack.FaultStack;
import fi.hyte.faults.stack.Kafka;
import fi.hyte.localstack.LocalStack;
import fi.hyte.localstack.mongo.MongoWireServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a fault may touch: the launcher (children, the broker, the Mongo-wire server), Kafka, the repository. */
public record FaultContext(FaultStack stack, Kafka kafka, Path repositoryRoot, int round) {

    static final Duration RECOVERY = Duration.ofMinutes(10);

    /**
     * The launcher's Mongo-wire server (in this JVM). LocalStack does not hand it out; the suite takes it from its
     * field rather than change the launcher's API for a test.
     */
    MongoWireServer mongo() {
        try {
            Field field = LocalStack.class.getDeclaredField("mongo");
            field.setAccessible(true);
            return (MongoWireServer) field.get(launcher());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LocalStack has no Mongo-wire server field", e);
        }
    }

    public LocalStack launcher() {
        return stack.launcher();
    }

    /** The pid of a child; the launcher starts it through {@code sh -c 'exec ...'}, so it is the JVM's own. */
    long pid(String child) {
        long pid = launcher().status(child).pid();
        if (pid <= 0) {
            throw new IllegalStateException(child + " is not running");
        }
        return pid;
    }

    void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(List.of("kill", "-" + signal, Long.toString(pid)))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    void awaitHealthy(String child) throws InterruptedException {
        if (!launcher().awaitHealthy(child, RECOVERY)) {
            throw new IllegalStateException(child + " was not healthy again within " + RECOVERY);
        }
    }

    /** The three services that consume and serve: a fault that picks one takes them in turn. */
    static String consumer(int repetition) {
        return List.of("report-service", "action-service", "indicator-service").get((repetition - 1) % 3);
    }
}
