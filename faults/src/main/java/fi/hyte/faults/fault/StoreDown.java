package fi.hyte.faults.fault;

/**
 * 12: the store refusing writes for a while. Approximated by the Mongo-wire server refusing connections for 20 s
 * (stopped, then started on the same file): every read and write fails for that time. A server that accepts
 * connections and reads but refuses only writes (e.g. a full disk) is not reproduced.
 */
public final class StoreDown implements Fault {
    public int number() {
        return 12;
    }

    public String name() {
        return "store refusing writes 20 s (approximation)";
    }

    public String description() {
        return "the Mongo-wire server stopped for 20 s (connections refused, so writes fail), then started again";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        c.mongo().close();
        try {
            Thread.sleep(20_000);
        } finally {
            c.mongo().start();
        }
    }
}
