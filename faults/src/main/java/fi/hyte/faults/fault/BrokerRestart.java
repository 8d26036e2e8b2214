package fi.hyte.faults.fault;

/** 2: the broker stopped gracefully (SIGTERM, controlled shutdown) and started again. */
public final class BrokerRestart implements Fault {
    public int number() {
        return 2;
    }

    public String name() {
        return "broker clean restart";
    }

    public String description() {
        return "SIGTERM to the broker (controlled shutdown), then started again at once";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        c.launcher().restart("kafka");
        c.awaitHealthy("kafka");
    }
}
