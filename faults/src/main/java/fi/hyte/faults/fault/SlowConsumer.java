package fi.hyte.faults.fault;

/**
 * 8: a consumer slower than {@code max.poll.interval.ms}. Approximated: report-service frozen (SIGSTOP) for 50 s,
 * longer than the consumers' {@code session.timeout.ms} (45 s), so the group coordinator evicts its members and
 * rebalances, and the resumed consumers' commits fail and their records are delivered again. A consumer alive but
 * slower than {@code max.poll.interval.ms} (5 min by default, 10 min for raw feeds) is not reproduced.
 */
public final class SlowConsumer implements Fault {
    public int number() {
        return 8;
    }

    public String name() {
        return "consumer evicted as too slow (approximation)";
    }

    public String description() {
        return "report-service frozen 50 s (> session.timeout.ms 45 s): evicted from its groups, rebalance, its"
                + " commits fail on resume; not a live consumer slower than max.poll.interval.ms";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        long pid = c.pid("report-service");
        c.signal(pid, "STOP");
        try {
            Thread.sleep(50_000);
        } finally {
            c.signal(pid, "CONT");
        }
    }
}
