package fi.hyte.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for tests: real RS256 JWTs, with the public key served as a JWK set over real HTTP, so
 * services validate tokens exactly as they do against the development issuer or Keycloak.
 */
public final class TestTokens {

    private static RSAKey key;
    private static HttpServer jwks;

    private TestTokens() {}

    public static synchronized String issuer() {
        start();
        return "http://localhost:" + jwks.getAddress().getPort();
    }

    public static String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    public static String coordinator(String region) {
        return token("coordinator", List.of("coordinator"), region, null);
    }

    public static String owner(String organisation, String region) {
        return token("owner-" + organisation, List.of("owner"), region, organisation);
    }

    public static String integrator() {
        return token("integrator", List.of("integrator"), null, null);
    }

    public static String viewer(String region) {
        return token("viewer", List.of("viewer"), region, null);
    }

    public static String token(String subject, List<String> roles, String region, String organisation) {
        String issuer = issuer();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience("hyte")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .claim("roles", roles);
        if (region != null) {
            claims.claim("region", region);
        }
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void start() {
        if (jwks != null) {
            return;
        }
        try {
            key = new RSAKeyGenerator(2048).keyID("test").generate();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            jwks.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwks.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> jwks.stop(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
