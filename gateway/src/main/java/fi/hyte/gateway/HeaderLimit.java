package fi.hyte.gateway;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request headers over {@code hyte.gateway.max-header-size} (16KB) with 431 problem+json, before
 * authentication. Netty's own bound ({@code server.max-http-request-header-size}, set higher) stays as
 * the backstop for what it cannot let through at all; its 431 has an empty body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HeaderLimit implements WebFilter {

    private final long limit;

    HeaderLimit(@Value("${hyte.gateway.max-header-size:16KB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long size = 0;
        for (Map.Entry<String, List<String>> header :
                exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.length() + 4; // "name: value\r\n"
            }
        }
        if (size > limit) {
            return EdgeSecurity.problem(
                    exchange.getResponse(),
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "Request headers too large",
                    "The request headers may be at most " + limit + " bytes together.");
        }
        return chain.filter(exchange);
    }
}
