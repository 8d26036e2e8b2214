package fi.hyte.gateway;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Failures at the edge as problem+json, never a stack trace: an unknown path is 404, a service that cannot
 * be reached is 503.
 */
@Component
@Order(-2)
class EdgeProblems implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EdgeProblems.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (Fallbacks.hasCause(failure, BodyLimits.TooLarge.class) instanceof BodyLimits.TooLarge tooLarge) {
            return BodyLimits.tooLarge(exchange, tooLarge.limit);
        }
        if (Fallbacks.hasCause(failure, BodyLimits.TooDeep.class) instanceof BodyLimits.TooDeep tooDeep) {
            return BodyLimits.tooDeep(exchange, tooDeep.depth);
        }
        if (failure instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            code = code == null ? HttpStatus.INTERNAL_SERVER_ERROR : code;
            return EdgeSecurity.problem(exchange.getResponse(), code, code.getReasonPhrase(), describe(code));
        }
        if (hasCause(failure, ConnectException.class) || hasCause(failure, UnknownHostException.class)) {
            log.warn("{} unreachable: {}", exchange.getRequest().getPath(), failure.toString());
            return EdgeSecurity.problem(
                    exchange.getResponse(),
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The service behind this path is not reachable right now; try again shortly.");
        }
        log.error("Unexpected failure at the edge", failure);
        return EdgeSecurity.problem(
                exchange.getResponse(),
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; it has been logged.");
    }

    private static String describe(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such path.";
            case SERVICE_UNAVAILABLE -> "The service behind this path is not available right now.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
