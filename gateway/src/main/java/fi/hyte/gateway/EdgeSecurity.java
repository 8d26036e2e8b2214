package fi.hyte.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

/**
 * Authentication at the edge: a valid bearer JWT for everything but health and the token endpoint. The
 * services check the token again, and the roles per operation (defence in depth).
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    @Bean
    SecurityWebFilterChain edge(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchange -> exchange.pathMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .pathMatchers(org.springframework.http.HttpMethod.POST, "/oauth2/token")
                        .permitAll()
                        .pathMatchers("/api/**", "/dashboard", "/dashboard/**")
                        .hasAnyRole("COORDINATOR", "OWNER", "INTEGRATOR", "VIEWER")
                        .anyExchange()
                        .denyAll())
                .oauth2ResourceServer(oauth -> oauth.bearerTokenConverter(bearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint((exchange, e) -> problem(
                                exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED,
                                "Authentication required",
                                "A valid bearer token is required."))
                        .accessDeniedHandler((exchange, e) -> problem(
                                exchange.getResponse(),
                                HttpStatus.FORBIDDEN,
                                "Forbidden",
                                "Your role does not allow this.")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((exchange, e) -> problem(
                                exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED,
                                "Authentication required",
                                "A valid bearer token is required."))
                        .accessDeniedHandler((exchange, e) ->
                                problem(exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden", "Not allowed.")))
                .build();
    }

    /**
     * A browser's EventSource cannot send an Authorization header: on {@code GET /api/events} and
     * {@code GET /dashboard} only, the token may also come as the {@code access_token} query parameter.
     */
    private static ServerAuthenticationConverter bearerTokens() {
        var headerOnly = new ServerBearerTokenAuthenticationConverter();
        var queryAllowed = new ServerBearerTokenAuthenticationConverter();
        queryAllowed.setAllowUriQueryParameter(true);
        return exchange -> {
            var request = exchange.getRequest();
            String path = request.getPath().pathWithinApplication().value();
            boolean streamOrPage = HttpMethod.GET.equals(request.getMethod())
                    && (path.equals("/api/events") || path.equals("/dashboard"));
            return (streamOrPage ? queryAllowed : headerOnly).convert(exchange);
        };
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> roles() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            var roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : java.util.List.<String>of();
            return roles.stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                    .toList();
        });
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String title, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(title, status.value(), detail);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
