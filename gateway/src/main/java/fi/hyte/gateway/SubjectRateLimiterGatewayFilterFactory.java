package fi.hyte.gateway;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code SubjectRateLimiter}: a Resilience4j rate limiter per token subject (for integrators, the client
 * id), in memory, no Redis: {@code limitForPeriod} requests per {@code refreshPeriod}; one more is refused
 * at once with 429 problem+json and {@code Retry-After} (whole seconds until the next period). With several
 * gateway instances each counts on its own, so the effective limit is per instance.
 */
@Component
class SubjectRateLimiterGatewayFilterFactory
        extends AbstractGatewayFilterFactory<SubjectRateLimiterGatewayFilterFactory.Config> {

    SubjectRateLimiterGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("name", "limitForPeriod", "refreshPeriod");
    }

    @Override
    public GatewayFilter apply(Config config) {
        RateLimiterRegistry registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(config.getLimitForPeriod())
                .limitRefreshPeriod(config.getRefreshPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
        return (exchange, chain) -> exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("anonymous")
                .flatMap(subject -> {
                    RateLimiter limiter = registry.rateLimiter(config.getName() + ":" + subject);
                    if (limiter.acquirePermission()) {
                        return chain.filter(exchange);
                    }
                    long nanos = limiter instanceof io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter atomic
                            ? atomic.getDetailedMetrics().getNanosToWait()
                            : config.getRefreshPeriod().toNanos();
                    long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                    return EdgeSecurity.problem(
                            exchange.getResponse(),
                            HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests",
                            "At most %d requests per %s; try again in %d s."
                                    .formatted(config.getLimitForPeriod(), config.getRefreshPeriod(), seconds));
                });
    }

    /** The filter's arguments in the route table. */
    public static class Config {
        private String name = "rate-limit";
        private int limitForPeriod = 10;
        private Duration refreshPeriod = Duration.ofMinutes(1);

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getLimitForPeriod() {
            return limitForPeriod;
        }

        public void setLimitForPeriod(int limitForPeriod) {
            this.limitForPeriod = limitForPeriod;
        }

        public Duration getRefreshPeriod() {
            return refreshPeriod;
        }

        public void setRefreshPeriod(Duration refreshPeriod) {
            this.refreshPeriod = refreshPeriod;
        }
    }
}
