package fi.hyte.support.security;

import fi.hyte.support.event.EventContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service validates the bearer JWT again (defence in depth behind the gateway): issuer, audience,
 * signature, expiry and a non-empty {@code roles} claim. Open without a token: health, the OpenAPI
 * document, and the Prometheus scrape when it arrives on a separate management port (compose: never
 * published); every other actuator endpoint needs the {@code ops} role. The {@code roles} claim becomes
 * {@code ROLE_*} authorities; refusals are problem+json.
 */
@AutoConfiguration
@EnableMethodSecurity
public class ResourceServerSecurity {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServer(
            HttpSecurity http, JsonMapper json, @Value("${management.server.port:-1}") int managementPort)
            throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/error", "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        // the scrape is open only on a separate management port, which is never published
                        .requestMatchers(request -> onManagementPort(request, managementPort)
                                && "/actuator/prometheus".equals(request.getRequestURI()))
                        .permitAll()
                        .requestMatchers("/actuator", "/actuator/**")
                        .hasRole("OPS")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(
                                jwt -> jwt.jwtAuthenticationConverter(ResourceServerSecurity::roles))
                        .authenticationEntryPoint((request, response, e) -> problem(
                                json,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Authentication required",
                                "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> problem(
                                json, response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, e) -> problem(
                        json,
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "Authentication required",
                        "A valid bearer token is required.")))
                .addFilterAfter(new ActorFilter(), BearerTokenAuthenticationFilter.class)
                .build();
    }

    /** A token without Hyte roles is not a Hyte token: refused as unauthenticated (401), not forbidden. */
    @Bean
    OAuth2TokenValidator<Jwt> hyteRolesClaim() {
        return RolesClaim.VALIDATOR;
    }

    private static boolean onManagementPort(HttpServletRequest request, int managementPort) {
        return managementPort > 0 && request.getLocalPort() == managementPort;
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerResolver());
            }
        };
    }

    private static final JwtAuthenticationConverter ROLES = rolesConverter();

    static AbstractAuthenticationToken roles(Jwt jwt) {
        return ROLES.convert(jwt);
    }

    private static JwtAuthenticationConverter rolesConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(token -> Caller.of(token).roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                .toList());
        return converter;
    }

    private static void problem(
            JsonMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    /** Records the token subject as the actor of whatever the request causes. */
    static class ActorFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
                MDC.put(EventContext.ACTOR, jwt.getSubject());
            }
            chain.doFilter(request, response);
        }
    }

    /** Lets controllers take a {@link Caller} parameter. */
    static class CallerResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(Caller.class);
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
                return Caller.of(jwt);
            }
            throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                    "no bearer token");
        }
    }
}
