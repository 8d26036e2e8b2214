package fi.hyte.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** Command lines for child JVMs, run by the same java binary as this launcher. */
public final class JavaCommand {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private JavaCommand() {}

    /** The java binary running this JVM: the JDK the Maven toolchain chose, so at least 21. */
    public static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code java <options> -jar <jar> <args>}. */
    public static List<String> jar(Path jar, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code mainClass} from this launcher's own classpath. Under {@code spring-boot:run}, an IDE or a test
     * runner that classpath is a list of directories and jars (or a manifest-only jar) that a child can reuse as is.
     * Under {@code java -jar local-stack.jar} it is the executable jar, whose nested jars only Spring Boot's loader
     * can read, so the child is started through that loader's {@code PropertiesLauncher} with {@code loader.main}.
     */
    public static List<String> ownClasspath(String mainClass, List<String> jvmOptions, List<String> args) {
        // Absolute, since the child runs in another directory: java -jar target/x.jar gives a relative one.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(JavaCommand::absolute)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        if (isExecutableJar(classpath)) {
            command.add("-Dloader.main=" + mainClass);
            command.add("-cp");
            command.add(classpath);
            command.add(BOOT_LAUNCHER);
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    private static String absolute(String entry) {
        try {
            return Path.of(entry).toAbsolutePath().toString();
        } catch (InvalidPathException e) {
            return entry; // e.g. a lib/* wildcard on Windows: leave it to the java launcher
        }
    }

    private static boolean isExecutableJar(String classpath) {
        if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classpath)) {
            return jar.getEntry("BOOT-INF/lib/") != null || jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpath, e);
        }
    }
}
