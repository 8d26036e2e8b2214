package fi.hyte.support.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated caller as the token describes it.
 *
 * @param subject the token subject (for client-credentials tokens, the client id)
 * @param roles {@code coordinator}, {@code owner}, {@code integrator}, {@code viewer}
 * @param region region code the caller acts for, if scoped to one
 * @param organisation organisation id the caller acts for, if an action owner
 */
public record Caller(String subject, Set<String> roles, String region, String organisation) {

    public static final String ROLES_CLAIM = "roles";

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        return new Caller(
                jwt.getSubject(),
                roles.stream().map(role -> role.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                jwt.getClaimAsString("region"),
                jwt.getClaimAsString("organisation"));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Whether the caller acts for {@code regionCode} (coordinators and owners are scoped to one region). */
    public boolean actsFor(String regionCode) {
        return region != null && region.equals(regionCode);
    }
}
