package fi.hyte.faults;

import fi.hyte.faults.fault.BackendDown;
import fi.hyte.faults.fault.BrokerKill;
import fi.hyte.faults.fault.BrokerRestart;
import fi.hyte.faults.fault.Fault;
import fi.hyte.faults.fault.MongoRestart;
import fi.hyte.faults.fault.OffsetReset;
import fi.hyte.faults.fault.Pause;
import fi.hyte.faults.fault.Poison;
import fi.hyte.faults.fault.RelayDuplicate;
import fi.hyte.faults.fault.ReportServiceKill;
import fi.hyte.faults.fault.SecondInstance;
import fi.hyte.faults.fault.SlowConsumer;
import fi.hyte.faults.fault.StoreDown;
import java.util.List;

/** The twelve faults of issue 9, by number. */
final class Faults {

    static final List<Fault> ALL = List.of(
            new BrokerKill(),
            new BrokerRestart(),
            new ReportServiceKill(),
            new RelayDuplicate(),
            new OffsetReset(),
            new MongoRestart(),
            new Pause(),
            new SlowConsumer(),
            new SecondInstance(),
            new BackendDown(),
            new Poison(),
            new StoreDown());

    private Faults() {}

    static Fault number(int n) {
        return ALL.stream()
                .filter(f -> f.number() == n)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fault " + n));
    }
}
