package fi.hyte.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Supplies the computed defaults of {@code hyte.local.repo-root} and {@code hyte.local.data-dir}, and deletes the
 * data directory for a fresh start ({@code hyte.local.fresh}). Both happen here, before the logging is initialized,
 * because the logging configuration opens the Mongo server's log file under the data directory: the defaults must
 * be known by then, and the wipe must not delete a file already open.
 */
class LocalStackDefaults implements EnvironmentPostProcessor {

    static final String REPO_ROOT = "hyte.local.repo-root";
    static final String DATA_DIR = "hyte.local.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (!environment.containsProperty(REPO_ROOT)) {
            findRepoRoot(Path.of("").toAbsolutePath()).ifPresent(root -> defaults.put(REPO_ROOT, root.toString()));
        }
        if (environment.containsProperty(REPO_ROOT) || defaults.containsKey(REPO_ROOT)) {
            defaults.put(DATA_DIR, "${" + REPO_ROOT + "}/data");
        }
        // Last: anything the user sets (arguments, environment, application.properties) wins.
        environment.getPropertySources().addLast(new MapPropertySource("hyte-local-defaults", defaults));

        Binder binder = Binder.get(environment);
        if (binder.bind("hyte.local.fresh", Boolean.class).orElse(false)) {
            binder.bind(DATA_DIR, Path.class).ifBound(StackLayout::wipe);
        }
    }

    /** The nearest directory at or above {@code start} holding the Maven wrapper, which marks the reactor root. */
    static Optional<Path> findRepoRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
