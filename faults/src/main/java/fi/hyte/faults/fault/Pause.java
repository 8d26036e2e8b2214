package fi.hyte.faults.fault;

/** 7: a service frozen with SIGSTOP for 20 s, then SIGCONT; rotates report-, action-, indicator-service. */
public final class Pause implements Fault {
    public int number() {
        return 7;
    }

    public String name() {
        return "service paused (SIGSTOP) 20 s";
    }

    public String description() {
        return "SIGSTOP for 20 s, then SIGCONT; rotates report-service, action-service, indicator-service";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        long pid = c.pid(FaultContext.consumer(repetition));
        c.signal(pid, "STOP");
        try {
            Thread.sleep(20_000);
        } finally {
            c.signal(pid, "CONT");
        }
    }
}
