package fi.hyte.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LocalStackDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void findsTheRepositoryRootByTheMavenWrapper() throws Exception {
        Files.writeString(dir.resolve("mvnw"), "");
        Path module = Files.createDirectories(dir.resolve("local-stack/src"));

        assertThat(LocalStackDefaults.findRepoRoot(module)).contains(dir);
    }

    @Test
    void keepsTheDataUnderTheRepositoryRootByDefault() {
        StandardEnvironment environment = environment(Map.of("hyte.local.repo-root", dir.toString()));

        new LocalStackDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("hyte.local.data-dir")).isEqualTo(dir + "/data");
    }

    @Test
    void deletesTheDataDirectoryForAFreshStart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/kafka/topic-0"));
        Files.createDirectories(dir.resolve("data/logs"));

        new LocalStackDefaults()
                .postProcessEnvironment(
                        environment(Map.of(
                                "hyte.local.data-dir", dir.resolve("data").toString(), "hyte.local.fresh", "true")),
                        new SpringApplication());

        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(data).doesNotExist();
    }

    @Test
    void keepsTheDataDirectoryWithoutFresh() throws Exception {
        Files.createDirectories(dir.resolve("data/kafka"));

        new LocalStackDefaults()
                .postProcessEnvironment(
                        environment(Map.of(
                                "hyte.local.data-dir", dir.resolve("data").toString())),
                        new SpringApplication());

        assertThat(dir.resolve("data/kafka")).isDirectory();
    }

    @Test
    void refusesToDeleteADirectoryItDidNotCreate() throws Exception {
        Files.createDirectories(dir.resolve("data/kafka"));
        Files.writeString(dir.resolve("data/thesis.docx"), "");

        assertThatThrownBy(() -> new LocalStackDefaults()
                        .postProcessEnvironment(
                                environment(Map.of(
                                        "hyte.local.data-dir",
                                        dir.resolve("data").toString(),
                                        "hyte.local.fresh",
                                        "true")),
                                new SpringApplication()))
                .hasMessageContaining("thesis.docx");
        assertThat(dir.resolve("data/thesis.docx")).exists();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
