package fi.hyte.faults.fault;

import java.util.List;

/**
 * 5: a consumer group's offsets reset to the beginning: the service is stopped (its group must be empty to be
 * reset), its groups' offsets set to the earliest, and it is started again, so it receives everything once more.
 * The target rotates: report-service (its three groups), action-service, indicator-service (plan events and the
 * raw feed topic).
 */
public final class OffsetReset implements Fault {
    public int number() {
        return 5;
    }

    public String name() {
        return "consumer group offsets reset to the beginning";
    }

    public String description() {
        return "service stopped, its consumer groups' offsets set to the earliest, started again (mass redelivery);"
                + " rotates report-service, action-service, indicator-service";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        String service = FaultContext.consumer(repetition);
        List<String> groups = service.equals("report-service")
                ? List.of("report-service", "report-service-live", "report-service-risk")
                : List.of(service);
        c.launcher().stop(service);
        try {
            for (String group : groups) {
                reset(c, group);
            }
        } finally {
            c.launcher().start(service);
        }
        c.awaitHealthy(service);
    }

    private static void reset(FaultContext c, String group) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            try {
                c.kafka().resetToEarliest(group);
                return;
            } catch (Exception e) { // the group is not empty yet (a member's session has not ended)
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }
}
