package fi.hyte.report.intake;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends a record that cannot be applied to {@code hyte.report-service.dlq} (binding {@code deadLetters-out-0},
 * sent synchronously, so the dead letter is on the broker before the batch's offsets are committed), with the
 * record's key and value as they were and the headers the binder's own dead-lettering uses:
 * {@code x-original-topic}, {@code x-original-partition}, {@code x-original-offset}, {@code x-exception-message},
 * {@code x-exception-fqcn}, plus {@code x-consumer} (the function that could not apply it).
 */
@Component
public class DeadLetterSender {

    static final String BINDING = "deadLetters-out-0";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

    private final StreamBridge bridge;

    DeadLetterSender(StreamBridge bridge) {
        this.bridge = bridge;
    }

    public void send(byte[] body, Received.Origin origin, String consumer, Exception reason) {
        log.warn("{}: record {} set aside to the dead-letter topic: {}", consumer, origin, reason.getMessage());
        var message = MessageBuilder.withPayload(body)
                .setHeader("x-original-topic", bytes(origin.topic()))
                .setHeader("x-original-partition", bytes(Integer.toString(origin.partition())))
                .setHeader("x-original-offset", bytes(Long.toString(origin.offset())))
                .setHeader("x-exception-message", bytes(String.valueOf(reason.getMessage())))
                .setHeader("x-exception-fqcn", bytes(reason.getClass().getName()))
                .setHeader("x-consumer", bytes(consumer));
        if (origin.key() != null) {
            message.setHeader(KafkaHeaders.KEY, origin.key());
        }
        if (!bridge.send(BINDING, message.build())) {
            throw new IllegalStateException("the dead-letter binding refused record " + origin);
        }
    }

    public void send(Received received, String consumer, Exception reason) {
        send(received.body(), received.origin(), consumer, reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
