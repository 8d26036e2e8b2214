package fi.hyte.localstack.issuer;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import fi.hyte.localstack.LocalStackProperties;
import fi.hyte.localstack.StackLayout;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development OAuth2 issuer: Spring Authorization Server on this JVM's web server, client credentials only, one
 * persisted RSA key, the {@link DemoClient demo clients}. Nothing else of the web server is reachable but
 * {@code /actuator/health}.
 */
@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /**
     * Salted hashes rather than {@code {noop}}: the in-memory repository refuses two clients with the same stored
     * secret. The lowest BCrypt cost, since the secret is published anyway and each token request verifies it.
     */
    private static final PasswordEncoder SECRET_HASH =
            new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));

    @Bean
    @Order(1)
    SecurityFilterChain issuerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/oauth2/**", "/.well-known/**", "/actuator/health")
                        .permitAll()
                        // So that an unknown path under those answers 404 rather than 403; resource servers probe
                        // /.well-known/openid-configuration before /.well-known/oauth-authorization-server.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                // No browser, no session, no form: nothing for CSRF protection to protect.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(LocalStackProperties properties) {
        // Explicit, so that the iss claim matches JWT_ISSUER_URI whatever host name a request used.
        return AuthorizationServerSettings.builder()
                .issuer(properties.issuerUri())
                .build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository() {
        return new InMemoryRegisteredClientRepository(
                DemoClient.ALL.stream().map(IssuerConfiguration::register).toList());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(StackLayout layout) {
        return new ImmutableJWKSet<>(SigningKeys.loadOrCreate(layout.issuerKeyFile()));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoClaims() {
        return new DemoClaimsCustomizer();
    }

    private static RegisteredClient register(DemoClient client) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(SECRET_HASH.encode(DemoClient.SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(TOKEN_LIFETIME)
                        .build())
                .build();
    }
}
