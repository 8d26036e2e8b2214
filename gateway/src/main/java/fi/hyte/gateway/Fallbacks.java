package fi.hyte.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The circuit breakers' fallback ({@code fallbackUri: forward:/fallback/<service>}): an answer at once,
 * as problem+json, for whatever kept the request from its service. An open breaker, a full bulkhead and
 * an unreachable service are 503 (with {@code Retry-After}), a timeout 504; a body over its bound or
 * nested too deeply, which the breaker passes through without counting, keeps its own status. Not
 * reachable from outside: the security chain denies {@code /fallback/**}; the gateway forwards internally.
 */
@RestController
class Fallbacks {

    private static final Logger log = LoggerFactory.getLogger(Fallbacks.class);

    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        var response = exchange.getResponse();
        if (hasCause(failure, BodyLimits.TooLarge.class) instanceof BodyLimits.TooLarge tooLarge) {
            return BodyLimits.tooLarge(exchange, tooLarge.limit);
        }
        if (hasCause(failure, BodyLimits.TooDeep.class) instanceof BodyLimits.TooDeep tooDeep) {
            return BodyLimits.tooDeep(exchange, tooDeep.depth);
        }
        if (failure instanceof CallNotPermittedException) {
            response.getHeaders().set("Retry-After", "10");
            return EdgeSecurity.problem(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    service + " is failing; the gateway is not sending it requests for a short while.");
        }
        if (failure instanceof BulkheadFullException) {
            response.getHeaders().set("Retry-After", "1");
            return EdgeSecurity.problem(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service busy",
                    service + " has as many requests in progress as it may; try again shortly.");
        }
        if (hasCause(failure, TimeoutException.class) != null
                || failure instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            return EdgeSecurity.problem(
                    response, HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout", service + " did not answer in time.");
        }
        log.warn("{} unavailable: {}", service, failure == null ? "no cause" : failure.toString());
        response.getHeaders().set("Retry-After", "5");
        return EdgeSecurity.problem(
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service unavailable",
                service + " is not reachable right now; try again shortly.");
    }

    static Throwable hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
