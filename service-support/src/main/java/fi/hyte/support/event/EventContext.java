package fi.hyte.support.event;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Who caused the work on this thread and which correlation id it carries. Set by the web filter for
 * requests and by consumers for the events they handle; read when events are stamped.
 */
public final class EventContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String ACTOR = "actor";

    private EventContext() {}

    public static String correlationId() {
        return Optional.ofNullable(MDC.get(CORRELATION_ID))
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    public static String actor() {
        return Optional.ofNullable(MDC.get(ACTOR)).orElse("system");
    }

    /** Runs {@code work} on behalf of the cause of an incoming event. */
    public static void runAs(String actor, String correlationId, Runnable work) {
        try (var a = MDC.putCloseable(ACTOR, actor);
                var c = MDC.putCloseable(CORRELATION_ID, correlationId)) {
            work.run();
        }
    }
}
