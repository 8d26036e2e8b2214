package fi.hyte.localstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Executable jars of {@link FakeService}, laid out like the reactor's service modules, and free ports. */
public final class TestJars {

    private TestJars() {}

    /** Writes {@code <repo>/<module>/target/<module>-0.1.0-SNAPSHOT.jar} running {@link FakeService}. */
    public static Path fakeServiceJar(Path repo, String module, boolean crashing) {
        Path jar = repo.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String classFile = FakeService.class.getName().replace('.', '/') + ".class";
        try (InputStream bytes = FakeService.class.getClassLoader().getResourceAsStream(classFile)) {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.putNextEntry(new JarEntry(classFile));
                bytes.transferTo(out);
                out.closeEntry();
                if (crashing) {
                    out.putNextEntry(new JarEntry("crash"));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory (or jar) holding the test classes, for {@code java -cp}. */
    public static String testClasspath() {
        return Path.of(FakeService.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
    }

    /**
     * A port nobody listens on now, below Linux's ephemeral range (32768 and up): a port the system hands out for
     * {@code new ServerSocket(0)} may be the source port of an outgoing connection a moment later, and then a
     * child cannot listen on it.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }

    /** {@code count} different free ports, none of them in {@code taken}. */
    public static List<Integer> freePorts(int count, Integer... taken) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            int port = freePort();
            if (!List.of(taken).contains(port)) {
                ports.add(port);
            }
        }
        return List.copyOf(ports);
    }

    /** A port that is free and whose successor is free too (Kafka's broker and controller ports). */
    public static int freePortPair() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = freePort();
            if (isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("No two consecutive free ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
