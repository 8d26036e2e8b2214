package fi.hyte.faults.fault;

import java.time.Duration;

/** 3: report-service SIGKILLed while it consumes the round's events (mid-batch), restarted by the supervisor. */
public final class ReportServiceKill implements Fault {
    public int number() {
        return 3;
    }

    public String name() {
        return "report-service killed mid-batch";
    }

    public String description() {
        return "SIGKILL of report-service while it consumes the round's events; the supervisor restarts it";
    }

    public Duration delay() {
        return Duration.ofSeconds(4); // the round's first events are flowing by then
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        c.launcher().kill("report-service");
        c.awaitHealthy("report-service");
    }
}
