package fi.hyte.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authentication at the edge: a valid bearer JWT (issuer, audience {@code hyte}, signature, expiry, a
 * non-empty {@code roles} claim) for everything under {@code /api/**} and {@code /dashboard}; open are
 * only health, the token endpoint and the API documents. Which role may call which route and method is
 * decided by {@link RouteRoles} from the route table; the services check the token again, with the tenant
 * per object (defence in depth).
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    static final Set<String> HYTE_ROLES = Set.of("coordinator", "owner", "integrator", "viewer");

    /** Only these GETs take the token from {@code ?access_token=}: browsers' EventSource cannot set headers. */
    private static final ServerWebExchangeMatcher QUERY_TOKEN_PATHS =
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/events", "/dashboard");

    @Bean
    SecurityWebFilterChain edge(ServerHttpSecurity http, @Value("${management.server.port:-1}") int managementPort) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // stateless: every request carries its token. The defaults keep the security context and the
                // request cache in a WebSession, which made every request create an (unsaved) in-memory session
                // on the boundedElastic scheduler and hop to the parallel scheduler for the rest of the chain.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchange -> exchange.pathMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, "/oauth2/token")
                        .permitAll()
                        .pathMatchers(
                                HttpMethod.GET,
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/v3/gateway-api-docs/**",
                                "/swagger-ui",
                                "/swagger-ui/**",
                                "/webjars/swagger-ui/**")
                        .permitAll()
                        // the scrape is open only on a separate management port, which is never published
                        .pathMatchers("/actuator/prometheus")
                        .access((authentication, context) -> onManagementPort(context.getExchange(), managementPort)
                                ? Mono.<AuthorizationResult>just(new AuthorizationDecision(true))
                                : authentication
                                        .<AuthorizationResult>map(a ->
                                                new AuthorizationDecision(a.getAuthorities().stream()
                                                        .anyMatch(g -> "ROLE_OPS".equals(g.getAuthority()))))
                                        .defaultIfEmpty(new AuthorizationDecision(false)))
                        .pathMatchers("/actuator", "/actuator/**")
                        .hasRole("OPS")
                        .pathMatchers("/api/**", "/dashboard", "/dashboard/**")
                        .hasAnyRole("COORDINATOR", "OWNER", "INTEGRATOR", "VIEWER")
                        .anyExchange()
                        .denyAll())
                .oauth2ResourceServer(oauth -> oauth.bearerTokenConverter(bearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint((exchange, e) -> unauthorized(exchange))
                        .accessDeniedHandler((exchange, e) -> forbidden(exchange)))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint((exchange, e) -> unauthorized(exchange))
                                .accessDeniedHandler((exchange, e) -> forbidden(exchange)))
                .build();
    }

    /** A token without Hyte roles was not issued for Hyte: 401 like a bad signature (README, Security). */
    @Bean
    OAuth2TokenValidator<Jwt> hyteRolesClaim() {
        OAuth2Error missing =
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token carries no roles claim.", null);
        return jwt -> {
            Object roles = jwt.getClaims().get("roles");
            boolean present =
                    roles instanceof List<?> list && !list.isEmpty() || roles instanceof String text && !text.isBlank();
            return present ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(missing);
        };
    }

    private static ServerAuthenticationConverter bearerTokens() {
        var headerOnly = new ServerBearerTokenAuthenticationConverter();
        var headerOrQuery = new ServerBearerTokenAuthenticationConverter();
        headerOrQuery.setAllowUriQueryParameter(true);
        return exchange -> QUERY_TOKEN_PATHS
                .matches(exchange)
                .flatMap(match -> match.isMatch() ? headerOrQuery.convert(exchange) : headerOnly.convert(exchange));
    }

    private static boolean onManagementPort(ServerWebExchange exchange, int managementPort) {
        var local = exchange.getRequest().getLocalAddress();
        return managementPort > 0 && local != null && local.getPort() == managementPort;
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> roles() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            var roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.<String>of();
            return roles.stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                    .toList();
        });
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange) {
        return problem(
                exchange.getResponse(),
                HttpStatus.UNAUTHORIZED,
                "Authentication required",
                "A valid bearer token is required.");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        return problem(exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
    }

    static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String title, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(title, status.value(), detail.replace("\"", "'"));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
