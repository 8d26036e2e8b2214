package fi.hyte.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds request bodies without buffering them: a declared {@code Content-Length} over the route's bound
 * ({@code metadata.max-body-size}, else {@code hyte.gateway.max-body-size}) is refused before anything is
 * forwarded; a chunked body is counted as it streams through and cut off at the bound (413). A JSON body
 * is also scanned for its nesting depth as it streams (one pass over the bytes, no parsing): deeper than
 * {@code hyte.gateway.json-max-nesting-depth} is 400. Either refusal is problem+json.
 */
@Component
class BodyLimits implements GlobalFilter, Ordered {

    private final long defaultLimit;
    private final int maxDepth;

    BodyLimits(
            @Value("${hyte.gateway.max-body-size:1MB}") DataSize defaultLimit,
            @Value("${hyte.gateway.json-max-nesting-depth:64}") int maxDepth) {
        this.defaultLimit = defaultLimit.toBytes();
        this.maxDepth = maxDepth;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long limit = limit(exchange.getAttribute(GATEWAY_ROUTE_ATTR));
        var request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > limit) {
            return tooLarge(exchange, limit);
        }
        boolean json = isJson(request.getHeaders().getContentType());
        var bounded = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                JsonDepth depth = json ? new JsonDepth(maxDepth) : null;
                return super.getBody().doOnNext(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        throw new TooLarge(limit);
                    }
                    if (depth != null) {
                        depth.scan(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(bounded).build());
    }

    private long limit(Route route) {
        if (route != null && route.getMetadata().get("max-body-size") != null) {
            return DataSize.parse(String.valueOf(route.getMetadata().get("max-body-size")))
                    .toBytes();
        }
        return defaultLimit;
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.getSubtype().endsWith("+json"));
    }

    static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return EdgeSecurity.problem(
                exchange.getResponse(),
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "The request body may be at most " + limit + " bytes here.");
    }

    static Mono<Void> tooDeep(ServerWebExchange exchange, int depth) {
        return EdgeSecurity.problem(
                exchange.getResponse(),
                HttpStatus.BAD_REQUEST,
                "JSON nested too deeply",
                "JSON bodies may nest at most " + depth + " levels.");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    /** The body passed its bound while streaming. */
    static class TooLarge extends RuntimeException {
        final long limit;

        TooLarge(long limit) {
            super("request body exceeds " + limit + " bytes", null, false, false);
            this.limit = limit;
        }
    }

    /** The JSON body nests deeper than allowed. */
    static class TooDeep extends RuntimeException {
        final int depth;

        TooDeep(int depth) {
            super("JSON nests deeper than " + depth, null, false, false);
            this.depth = depth;
        }
    }

    /** Counts {@code [ {} ]} outside strings across buffers. */
    static final class JsonDepth {
        private final int max;
        private int depth;
        private boolean inString;
        private boolean escaped;

        JsonDepth(int max) {
            this.max = max;
        }

        void scan(DataBuffer buffer) {
            int end = buffer.readPosition() + buffer.readableByteCount();
            for (int i = buffer.readPosition(); i < end; i++) {
                scan(buffer.getByte(i));
            }
        }

        void scan(byte b) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
                return;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > max) {
                        throw new TooDeep(max);
                    }
                }
                case '}', ']' -> depth--;
                default -> {}
            }
        }
    }
}
