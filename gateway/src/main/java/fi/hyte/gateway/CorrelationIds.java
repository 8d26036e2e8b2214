package fi.hyte.gateway;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every request entering Hyte gets a correlation id, which the services put into the events it causes. */
@Component
class CorrelationIds implements GlobalFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        var request =
                exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
