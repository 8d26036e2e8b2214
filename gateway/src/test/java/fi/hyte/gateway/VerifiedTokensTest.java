package fi.hyte.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    final MutableClock clock = new MutableClock();
    final AtomicInteger verifications = new AtomicInteger();

    /** Accepts "good-<seconds to exp>", refuses anything else, counting every full verification. */
    final ReactiveJwtDecoder issuer = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        long seconds = Long.parseLong(token.substring("good-".length()));
        return Mono.just(Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .claim("roles", java.util.List.of("viewer"))
                .issuedAt(NOW.minusSeconds(1))
                .expiresAt(NOW.plusSeconds(seconds))
                .build());
    };

    final VerifiedTokens.Remembering decoder = new VerifiedTokens.Remembering(issuer, Duration.ofSeconds(60), 3, clock);

    @Test
    void aTokenThatPassedIsNotVerifiedAgainWithinTheTtl() {
        assertThat(decoder.decode("good-3600").block().getTokenValue()).isEqualTo("good-3600");
        clock.advance(Duration.ofSeconds(59));
        assertThat(decoder.decode("good-3600").block().getTokenValue()).isEqualTo("good-3600");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedInFullAgainAfterTheTtl() {
        decoder.decode("good-3600").block();
        clock.advance(Duration.ofSeconds(61));
        decoder.decode("good-3600").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsNeverTrustedPastItsOwnExpiry() {
        decoder.decode("good-10").block();
        clock.advance(Duration.ofSeconds(11));
        decoder.decode("good-10").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void theCacheStartsOverWhenFull() {
        for (int i = 1; i <= 4; i++) {
            decoder.decode("good-" + (3600 + i)).block();
        }
        assertThat(decoder.size()).isLessThanOrEqualTo(3);
    }

    static final class MutableClock extends Clock {
        private Instant now = NOW;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
