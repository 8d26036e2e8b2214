package fi.hyte.localstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The end of a log file, for explaining a failure on the console. */
public final class LogTail {

    // Logs are appended to across restarts and may be large: read only the end.
    private static final int MAX_BYTES = 256 * 1024;
    private static final Pattern ERROR = Pattern.compile("\\b(ERROR|FATAL)\\b|Exception:|APPLICATION FAILED TO START");
    private static final int ERROR_CONTEXT = 8;

    private LogTail() {}

    public static List<String> lastLines(Path file, int lines) {
        List<String> all = readEnd(file);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    /**
     * What explains why the last run of a child failed: its last lines and, when the first error of that run came
     * earlier (Kafka logs a fatal error, then a long orderly shutdown), that error with a few lines after it too.
     * A run starts at the banner {@link SupervisedProcess} writes before each start.
     */
    public static List<String> explainLastRun(Path file, int lines) {
        List<String> all = readEnd(file);
        int runStart = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).startsWith(SupervisedProcess.LOG_BANNER)) {
                runStart = i;
                break;
            }
        }
        List<String> run = all.subList(runStart, all.size());
        int tailStart = Math.max(0, run.size() - lines);
        List<String> explanation = new ArrayList<>();
        for (int i = 0; i < tailStart; i++) {
            if (ERROR.matcher(run.get(i)).find()) {
                int end = Math.min(i + ERROR_CONTEXT, tailStart);
                explanation.addAll(run.subList(i, end));
                if (end < tailStart) {
                    explanation.add("...");
                }
                break;
            }
        }
        explanation.addAll(run.subList(tailStart, run.size()));
        return explanation;
    }

    private static List<String> readEnd(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
