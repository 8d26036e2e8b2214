package fi.hyte.faults.fault;

/** 6: the Mongo-wire server (in the launcher JVM, H2 file backend) stopped and started again on the same file. */
public final class MongoRestart implements Fault {
    public int number() {
        return 6;
    }

    public String name() {
        return "Mongo-wire server restarted";
    }

    public String description() {
        return "the launcher's Mongo-wire server shut down (connections closed, H2 file closed) and started again"
                + " on the same port and file after 2 s";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        c.mongo().close();
        Thread.sleep(2000);
        c.mongo().start();
    }
}
