package fi.hyte.report.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** What happens to a batch that fails as a whole. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /**
     * A batch that fails as a whole (MongoDB or Kafka away; an unreadable record never fails a batch) is
     * delivered again, after 1 s, 2 s, 4 s ... up to 30 s between tries, for as long as it takes: the partition
     * waits rather than skips events, and every write is idempotent, so what the failed try did is harmless.
     * The batch bindings name it ({@code common-error-handler-bean-name}); the binder's own batch dead-lettering
     * would send the whole batch to the dead-letter topic instead.
     */
    @Bean
    CommonErrorHandler batchRetry() {
        var backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
