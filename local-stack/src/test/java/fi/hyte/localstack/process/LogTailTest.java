package fi.hyte.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsTheLastLinesOfALargeFile() throws Exception {
        Path log = dir.resolve("big.log");
        Files.writeString(
                log,
                IntStream.rangeClosed(1, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 99998", "line 99999", "line 100000");
    }

    @Test
    void returnsNothingForAMissingFile() {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 3)).isEmpty();
    }

    @Test
    void explainsTheLastRunByItsFirstErrorAndItsLastLines() throws Exception {
        Path log = dir.resolve("kafka.log");
        String shutdown = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> "INFO shutting down " + i)
                .collect(Collectors.joining("\n"));
        Files.writeString(
                log,
                String.join(
                        "\n",
                        SupervisedProcess.LOG_BANNER + " starting kafka (first run)",
                        "ERROR an old error",
                        SupervisedProcess.LOG_BANNER + " starting kafka (last run)",
                        "INFO starting",
                        "ERROR Fatal error during broker startup",
                        "java.net.BindException: Address already in use",
                        shutdown));

        List<String> explanation = LogTail.explainLastRun(log, 5);

        assertThat(explanation.getFirst()).isEqualTo("ERROR Fatal error during broker startup");
        assertThat(explanation).contains("java.net.BindException: Address already in use", "...");
        assertThat(explanation).doesNotContain("ERROR an old error");
        assertThat(explanation)
                .endsWith(
                        "INFO shutting down 46",
                        "INFO shutting down 47",
                        "INFO shutting down 48",
                        "INFO shutting down 49",
                        "INFO shutting down 50");
    }
}
