package fi.hyte.localstack.issuer;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** Adds each demo client's claims ({@code roles}, {@code organisation}, {@code region}) and {@code aud: [hyte]}. */
final class DemoClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        DemoClient.byId(context.getRegisteredClient().getClientId())
                .ifPresent(client -> context.getClaims()
                        // The default audience is the client id; the services check for "hyte" instead.
                        .audience(List.of(DemoClient.AUDIENCE))
                        .claims(claims -> claims.putAll(client.claims())));
    }
}
