package fi.hyte.faults.fault;

/** 10: a backend stopped behind the gateway for 15 s; rotates plan-, action-, indicator-service. */
public final class BackendDown implements Fault {
    public int number() {
        return 10;
    }

    public String name() {
        return "backend down behind the gateway 15 s";
    }

    public String description() {
        return "a service stopped (SIGTERM) for 15 s while clients call it through the gateway; rotates"
                + " plan-service, action-service, indicator-service";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        String service = java.util.List.of("plan-service", "action-service", "indicator-service")
                .get((repetition - 1) % 3);
        c.launcher().stop(service);
        try {
            Thread.sleep(15_000);
        } finally {
            c.launcher().start(service);
        }
        c.awaitHealthy(service);
    }
}
