package fi.hyte.localstack.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheKeySoThatItSurvivesARestart() {
        Path file = dir.resolve("issuer/jwk.json");

        JWKSet first = SigningKeys.loadOrCreate(file);
        JWKSet second = SigningKeys.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(second.getKeys()).hasSize(1);
        assertThat(second.getKeys().getFirst().toRSAKey().isPrivate()).isTrue();
        assertThat(second.toString(false)).isEqualTo(first.toString(false));
    }

    @Test
    void generatesANewKeyWhenTheFileIsGone() throws Exception {
        Path file = dir.resolve("jwk.json");
        RSAKey first = SigningKeys.loadOrCreate(file).getKeys().getFirst().toRSAKey();

        Files.delete(file);
        RSAKey second = SigningKeys.loadOrCreate(file).getKeys().getFirst().toRSAKey();

        assertThat(second.getKeyID()).isNotEqualTo(first.getKeyID());
        assertThat(second.toPublicKey()).isNotEqualTo(first.toPublicKey());
    }
}
