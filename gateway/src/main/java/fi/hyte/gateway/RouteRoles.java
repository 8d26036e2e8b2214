package fi.hyte.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Function-level authorisation (OWASP API5) from the route table: a route's {@code metadata.roles} names,
 * per HTTP method, the roles that may call it; a method it does not list is refused with 403 for
 * everyone. Object-level checks (which region's plan, which organisation's action) stay in the services,
 * which alone know the objects.
 */
@Component
class RouteRoles implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null
                || Boolean.parseBoolean(String.valueOf(route.getMetadata().get("public")))) {
            return chain.filter(exchange);
        }
        Set<String> allowed =
                allowedCached(route, exchange.getRequest().getMethod().name());
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(principal -> ((Authentication) principal)
                        .getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .anyMatch(authority -> allowed.contains(authority)))
                .defaultIfEmpty(false)
                .flatMap(permitted -> permitted
                        ? chain.filter(exchange)
                        : EdgeSecurity.problem(
                                exchange.getResponse(),
                                HttpStatus.FORBIDDEN,
                                "Forbidden",
                                "Your role does not allow "
                                        + exchange.getRequest().getMethod() + " here."));
    }

    /**
     * {@link #allowed} worked out once per route and method (it splits and upper-cases the table entry), again only
     * when the route's role table is another object, as after a route refresh.
     */
    private Set<String> allowedCached(Route route, String method) {
        Object table = route.getMetadata().get("roles");
        String key = route.getId() + ' ' + method;
        Allowed known = cache.get(key);
        if (known == null || known.table() != table) {
            known = new Allowed(table, allowed(route, method));
            cache.put(key, known);
        }
        return known.roles();
    }

    private record Allowed(Object table, Set<String> roles) {}

    private final Map<String, Allowed> cache = new ConcurrentHashMap<>();

    /** {@code ROLE_*} authorities allowed for {@code method} on {@code route}; empty if none. */
    static Set<String> allowed(Route route, String method) {
        if (!(route.getMetadata().get("roles") instanceof Map<?, ?> roles)) {
            return Set.of();
        }
        Object listed = roles.get(method);
        if (listed == null) {
            return Set.of();
        }
        return Arrays.stream(String.valueOf(listed).split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .map(role -> "ROLE_" + role.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
