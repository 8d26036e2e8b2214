package fi.hyte.support.observability;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the correlation id (and the trace and span ids, when tracing is on) in front of every log line of every
 * service, whether the line comes from a request, a Kafka consumer or a scheduled job, and samples every trace
 * (through Kafka too: {@link ConsumerTracing} makes the consumers continue the producer's trace). A service's own
 * configuration still wins, since these are the environment's last property source. Structured JSON logs are one
 * setting away: {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (or {@code logstash}), and they carry the same ids from
 * the MDC.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String CORRELATION_PATTERN = "[%X{correlationId:-} %X{traceId:-} %X{spanId:-}] ";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "hyteObservabilityDefaults",
                        Map.of(
                                "logging.pattern.correlation",
                                CORRELATION_PATTERN,
                                // every request traced; MANAGEMENT_TRACING_SAMPLING_PROBABILITY lowers it
                                "management.tracing.sampling.probability",
                                "1.0")));
    }
}
