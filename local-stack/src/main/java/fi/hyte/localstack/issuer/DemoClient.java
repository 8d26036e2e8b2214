package fi.hyte.localstack.issuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client of the development issuer, and the custom claims of its tokens. {@link #ALL} is the one table the issuer
 * registers and the startup banner prints.
 *
 * @param clientId the OAuth2 client id (and the token's {@code sub})
 * @param roles the {@code roles} claim
 * @param organisation the {@code organisation} claim, or null for none
 * @param region the {@code region} claim, or null for none
 */
public record DemoClient(String clientId, List<String> roles, String organisation, String region) {

    /** The secret of every demo client. */
    public static final String SECRET = "demo";

    /** The {@code aud} claim of every token. */
    public static final String AUDIENCE = "hyte";

    /** HVA-4: the wellbeing services county of Vantaa and Kerava. */
    private static final String VANTAA_KERAVA = "HVA-4";

    /** HVA-2: the wellbeing services county of Keski-Uusimaa (formerly Keusote). */
    private static final String KESKI_UUSIMAA = "HVA-2";

    /** HVA-11: the wellbeing services county of South Karelia, nine municipalities (the report benchmark's county). */
    private static final String SOUTH_KARELIA = "HVA-11";

    public static final List<DemoClient> ALL = List.of(
            new DemoClient("coordinator", List.of("coordinator"), null, VANTAA_KERAVA),
            new DemoClient("coordinator-keusote", List.of("coordinator"), null, KESKI_UUSIMAA),
            new DemoClient("coordinator-etela-karjala", List.of("coordinator"), null, SOUTH_KARELIA),
            new DemoClient("owner-vantaa", List.of("owner"), "vantaa", VANTAA_KERAVA),
            new DemoClient("owner-kerava", List.of("owner"), "kerava", VANTAA_KERAVA),
            new DemoClient("integrator", List.of("integrator"), null, null),
            new DemoClient("viewer", List.of("viewer"), null, VANTAA_KERAVA),
            // operators: the actuator's metrics and Prometheus scrape (no business data)
            new DemoClient("ops", List.of("ops"), null, null));

    public DemoClient {
        roles = List.copyOf(roles);
    }

    public static Optional<DemoClient> byId(String clientId) {
        return ALL.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    /** The custom claims added to this client's access tokens (besides {@code aud}). */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("roles", roles);
        if (organisation != null) {
            claims.put("organisation", organisation);
        }
        if (region != null) {
            claims.put("region", region);
        }
        return claims;
    }
}
