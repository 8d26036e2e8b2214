package fi.hyte.localstack;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Starts the whole Hyte system without Docker: {@code ./mvnw -q -pl local-stack spring-boot:run}, with
 * {@code -Dspring-boot.run.arguments=--fresh} to start from empty. See {@link LocalStack}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalStackApplication {

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(LocalStackApplication.class, withOptions(args));
        Optional<StackStartupException> failure =
                context.getBean(LocalStack.class).awaitStartup();
        if (failure.isPresent()) {
            // The failure has been printed and the children stopped; the exit code tells scripts.
            System.exit(SpringApplication.exit(context, () -> 1));
        }
    }

    /** {@code --fresh} is short for {@code --hyte.local.fresh=true}. */
    static String[] withOptions(String[] args) {
        return Arrays.stream(args)
                .map(arg -> arg.equals("--fresh") ? "--hyte.local.fresh=true" : arg)
                .toArray(String[]::new);
    }

    @Bean
    StackLayout stackLayout(LocalStackProperties properties) {
        return StackLayout.prepare(properties);
    }

    @Bean
    LocalStack localStack(LocalStackProperties properties, StackLayout layout, ApplicationEventPublisher events) {
        return new LocalStack(properties, layout, events, new Console(System.out));
    }
}
