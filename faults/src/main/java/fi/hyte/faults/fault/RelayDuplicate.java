package fi.hyte.faults.fault;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * 4: an outbox relay that dies between Kafka's acknowledgement and the {@code $pull} sends its events again. The
 * window is milliseconds wide, so the suite does both: it SIGKILLs plan-service (the relay of the round's plan
 * events) while the load runs, and it forces the duplicate that the window produces, re-sending the last 50
 * records of {@code hyte.plan.events} and {@code hyte.action.events} byte for byte (key, value, headers), as the
 * relay would after such a crash.
 */
public final class RelayDuplicate implements Fault {
    public int number() {
        return 4;
    }

    public String name() {
        return "outbox relay killed between send and mark";
    }

    public String description() {
        return "SIGKILL of plan-service during the load, and the last 50 records of the plan and action topics sent"
                + " again byte for byte (the duplicate a relay crash between acknowledgement and $pull makes)";
    }

    public void inject(FaultContext c, int repetition) throws Exception {
        c.launcher().kill("plan-service");
        List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
        for (String topic : List.of("hyte.plan.events", "hyte.action.events")) {
            List<ConsumerRecord<byte[], byte[]>> all = c.kafka().readAll(topic);
            all.subList(Math.max(0, all.size() - 50), all.size())
                    .forEach(r -> again.add(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers())));
        }
        c.kafka().send(again);
        c.awaitHealthy("plan-service");
    }
}
