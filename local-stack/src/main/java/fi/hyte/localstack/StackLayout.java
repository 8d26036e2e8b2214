package fi.hyte.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Where things live under the data directory. Creating it creates the subdirectories. (A fresh start's wipe happens
 * earlier, in {@link LocalStackDefaults}, before even the logging opens its files.)
 */
public final class StackLayout {

    /** The entries this launcher creates; {@code --fresh} refuses to delete a directory holding anything else. */
    private static final Set<String> OWN_ENTRIES = Set.of("issuer", "mongo", "kafka", "logs");

    private final Path repoRoot;
    private final Path dataDir;

    StackLayout(Path repoRoot, Path dataDir) {
        this.repoRoot = repoRoot == null ? null : repoRoot.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    static StackLayout prepare(LocalStackProperties properties) {
        if (properties.dataDir() == null) {
            throw new IllegalStateException(
                    "Cannot find the Hyte repository root (a directory holding mvnw) at or above "
                            + Path.of("").toAbsolutePath()
                            + ". Start from inside the repository, or set hyte.local.repo-root"
                            + " (and optionally hyte.local.data-dir).");
        }
        StackLayout layout = new StackLayout(properties.repoRoot(), properties.dataDir());
        layout.createDirectories();
        return layout;
    }

    /** The repository root, or null when it was not found (then no service can be started). */
    public Path repoRoot() {
        return repoRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path issuerKeyFile() {
        return dataDir.resolve("issuer").resolve("jwk.json");
    }

    public Path mongoFile() {
        return dataDir.resolve("mongo").resolve("hyte.mv");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    /** A path as short as possible for the console: relative to the working directory when below it. */
    public String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        Path base = repoRoot != null && absolute.startsWith(repoRoot) ? repoRoot : cwd;
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    /** Deletes the data directory, unless it holds anything this launcher did not create. */
    static void wipe(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !OWN_ENTRIES.contains(name))
                    .toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException("Refusing to delete " + dataDir + " for --fresh: it holds " + foreign
                        + ", which local-stack did not create. Check hyte.local.data-dir.");
            }
            FileSystemUtils.deleteRecursively(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dataDir, e);
        }
    }

    private void createDirectories() {
        try {
            for (Path dir : List.of(issuerKeyFile().getParent(), mongoFile().getParent(), kafkaDir(), logsDir())) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
    }
}
