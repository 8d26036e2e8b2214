package fi.hyte.localstack.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The issuer's RSA signing key, generated once and kept in a JWK set file, so that tokens issued before a restart
 * still verify after it (services cache the JWK set).
 */
final class SigningKeys {

    private SigningKeys() {}

    static JWKSet loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return JWKSet.load(file.toFile());
            }
            JWKSet keys = new JWKSet(generate());
            write(file, keys.toString(false)); // false: include the private key
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the issuer key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "The issuer key " + file + " is not a JWK set; delete it (or start with"
                            + " --fresh) to get a new one",
                    e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** Written to a temporary file first, so that a crash never leaves half a key; owner-only where POSIX. */
    private static void write(Path file, String json) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, json);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
