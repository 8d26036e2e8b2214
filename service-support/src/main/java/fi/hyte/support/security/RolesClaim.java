package fi.hyte.support.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A Hyte token names at least one role in its {@code roles} claim; one without is refused like a token
 * with a bad signature (401), since it was not issued for Hyte (the decision is in the README's Security
 * section).
 */
final class RolesClaim {

    static final OAuth2TokenValidator<Jwt> VALIDATOR = RolesClaim::validate;

    private static final OAuth2Error MISSING =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token carries no roles claim.", null);

    private RolesClaim() {}

    static OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object roles = jwt.getClaims().get(Caller.ROLES_CLAIM);
        boolean present =
                roles instanceof List<?> list && !list.isEmpty() || roles instanceof String text && !text.isBlank();
        return present ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(MISSING);
    }
}
