package fi.hyte.localstack.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

class DemoClaimsCustomizerTest {

    private final DemoClaimsCustomizer customizer = new DemoClaimsCustomizer();

    @Test
    void givesTheCoordinatorItsRoleAndRegion() {
        assertThat(accessTokenClaims("coordinator"))
                .containsEntry("roles", List.of("coordinator"))
                .containsEntry("region", "HVA-4")
                .doesNotContainKey("organisation");
    }

    @Test
    void givesEachOwnerItsOrganisation() {
        assertThat(accessTokenClaims("owner-vantaa"))
                .containsEntry("roles", List.of("owner"))
                .containsEntry("organisation", "vantaa")
                .containsEntry("region", "HVA-4");
        assertThat(accessTokenClaims("owner-kerava"))
                .containsEntry("roles", List.of("owner"))
                .containsEntry("organisation", "kerava")
                .containsEntry("region", "HVA-4");
    }

    @Test
    void givesTheIntegratorItsRoleOnly() {
        assertThat(accessTokenClaims("integrator"))
                .containsEntry("roles", List.of("integrator"))
                .doesNotContainKeys("organisation", "region");
    }

    @Test
    void givesTheViewerItsRoleAndRegion() {
        assertThat(accessTokenClaims("viewer"))
                .containsEntry("roles", List.of("viewer"))
                .containsEntry("region", "HVA-4");
    }

    @Test
    void addressesEveryTokenToHyte() {
        DemoClient.ALL.forEach(
                client -> assertThat(accessTokenClaims(client.clientId())).containsEntry("aud", List.of("hyte")));
    }

    @Test
    void leavesAnUnknownClientsTokenAlone() {
        assertThat(accessTokenClaims("stranger")).containsOnlyKeys("sub");
    }

    private Map<String, Object> accessTokenClaims(String clientId) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(clientId);
        JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .registeredClient(client(clientId))
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        customizer.customize(context);
        return claims.build().getClaims();
    }

    private static RegisteredClient client(String clientId) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
    }
}
