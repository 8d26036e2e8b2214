package fi.hyte.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class ObservabilityDefaultsTest {

    @Test
    void everyLogLineOfAServiceCarriesTheCorrelationId(CapturedOutput output) {
        var application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (var context = application.run("--spring.main.banner-mode=off")) {
            try (var ignored = MDC.putCloseable("correlationId", "corr-4711")) {
                LoggerFactory.getLogger(ObservabilityDefaultsTest.class).warn("a line from a request");
            }
        }

        assertThat(output.getOut()).containsPattern("\\[corr-4711 [^]]*].*a line from a request");
    }

    @Test
    void aServicesOwnPatternWins(CapturedOutput output) {
        var application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (var context = application.run(
                "--spring.main.banner-mode=off", "--logging.pattern.correlation=<%X{correlationId:-}> ")) {
            try (var ignored = MDC.putCloseable("correlationId", "corr-42")) {
                LoggerFactory.getLogger(ObservabilityDefaultsTest.class).warn("own pattern");
            }
        }

        assertThat(output.getOut()).contains("<corr-42> ").doesNotContain("[corr-42 ");
    }

    @Test
    void everyTraceIsSampledUnlessTheServiceSaysOtherwise() {
        var application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (var context = application.run("--spring.main.banner-mode=off")) {
            assertThat(context.getEnvironment().getProperty("management.tracing.sampling.probability"))
                    .isEqualTo("1.0");
        }
        try (var context =
                application.run("--spring.main.banner-mode=off", "--management.tracing.sampling.probability=0.25")) {
            assertThat(context.getEnvironment().getProperty("management.tracing.sampling.probability"))
                    .isEqualTo("0.25");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}
}
