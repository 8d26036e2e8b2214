package fi.hyte.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** An issuer for the edge tests that can also mint the bad tokens: expired, foreign, unsigned, roleless. */
final class EdgeTokens {

    private static final RSAKey KEY = generate("edge");
    private static final RSAKey STRANGER = generate("edge"); // same key id, another key
    private static final HttpServer JWKS = serve();

    private EdgeTokens() {}

    static String issuer() {
        return "http://localhost:" + JWKS.getAddress().getPort();
    }

    static String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    static String token(String subject, String... roles) {
        return signed(KEY, claims -> claims.subject(subject).claim("roles", List.of(roles)));
    }

    static String coordinator(String region) {
        return signed(
                KEY,
                claims -> claims.subject("coordinator")
                        .claim("roles", List.of("coordinator"))
                        .claim("region", region));
    }

    static String expired() {
        return signed(
                KEY,
                claims -> claims.subject("viewer")
                        .claim("roles", List.of("viewer"))
                        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))));
    }

    static String wrongIssuer() {
        return signed(
                KEY,
                claims -> claims.subject("viewer")
                        .claim("roles", List.of("viewer"))
                        .issuer("http://elsewhere.example"));
    }

    static String wrongAudience() {
        return signed(
                KEY,
                claims -> claims.subject("viewer")
                        .claim("roles", List.of("viewer"))
                        .audience("another-api"));
    }

    static String withoutRoles() {
        return signed(KEY, claims -> claims.subject("viewer").claim("roles", null));
    }

    static String signedByAnotherKey() {
        return signed(STRANGER, claims -> claims.subject("viewer").claim("roles", List.of("viewer")));
    }

    static String algNone() {
        return new PlainJWT(base().subject("viewer")
                        .claim("roles", List.of("viewer"))
                        .build())
                .serialize();
    }

    private static JWTClaimsSet.Builder base() {
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience("hyte")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
    }

    private static String signed(RSAKey key, Consumer<JWTClaimsSet.Builder> customise) {
        var claims = base();
        customise.accept(claims);
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

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve() {
        try {
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
