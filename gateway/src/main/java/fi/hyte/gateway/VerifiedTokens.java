package fi.hyte.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that Spring Boot's decoder has fully validated (RS256 signature against the issuer's JWKS,
 * issuer, audience {@code hyte}, expiry, roles claim), keyed by the whole compact token (its signature included),
 * so that a client's next request with the same token is not verified again: RSA verification and claim parsing
 * were about a sixth of the gateway's CPU per request. A remembered token is trusted only until the earlier of its
 * own {@code exp} and {@code hyte.gateway.verified-token-ttl} (60 s) after it was verified, so a key removed from
 * the JWKS stops being honoured within that time. A refused token is never remembered: it is checked in full every
 * time. At most {@code hyte.gateway.verified-token-cache-size} tokens are kept; when full, the cache starts over.
 * The services validate the token again on their own (defence in depth).
 */
@Component
class VerifiedTokens implements BeanPostProcessor {

    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;

    VerifiedTokens(
            @Value("${hyte.gateway.verified-token-ttl:60s}") Duration ttl,
            @Value("${hyte.gateway.verified-token-cache-size:10000}") int maxSize) {
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof Remembering) && !ttl.isZero()) {
            return new Remembering(decoder, ttl, maxSize, clock);
        }
        return bean;
    }

    /** The auto-configured decoder, with the tokens it accepted remembered for a while. */
    static final class Remembering implements ReactiveJwtDecoder {

        private record Verified(Jwt jwt, Instant until) {}

        private final ReactiveJwtDecoder delegate;
        private final Duration ttl;
        private final int maxSize;
        private final Clock clock;
        private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

        Remembering(ReactiveJwtDecoder delegate, Duration ttl, int maxSize, Clock clock) {
            this.delegate = delegate;
            this.ttl = ttl;
            this.maxSize = maxSize;
            this.clock = clock;
        }

        @Override
        public Mono<Jwt> decode(String token) throws JwtException {
            Verified known = verified.get(token);
            if (known != null) {
                if (clock.instant().isBefore(known.until())) {
                    return Mono.just(known.jwt());
                }
                verified.remove(token, known);
            }
            return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
        }

        private void remember(String token, Jwt jwt) {
            Instant until = clock.instant().plus(ttl);
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
                until = jwt.getExpiresAt();
            }
            if (verified.size() >= maxSize) {
                verified.clear();
            }
            verified.put(token, new Verified(jwt, until));
        }

        int size() {
            return verified.size();
        }
    }
}
