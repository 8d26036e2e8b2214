package fi.hyte.faults.fault;

/** 1: the Kafka broker SIGKILLed during ingest; the launcher's supervisor restarts it after its backoff. */
public final class BrokerKill implements Fault {
    public int number() {
        return 1;
    }

    public String name() {
        return "broker SIGKILL + restart";
    }

    public String description() {
        return "SIGKILL of the Kafka broker process while the load runs; the launcher's supervisor restarts it";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        c.launcher().kill("kafka");
        c.awaitHealthy("kafka");
    }
}
