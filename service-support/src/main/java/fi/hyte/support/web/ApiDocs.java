package fi.hyte.support.web;

import fi.hyte.support.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service describes its API at {@code /v3/api-docs} (springdoc), with the bearer JWT as the
 * security scheme of every operation; the gateway merges the documents into one.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocs {

    public static final String BEARER = "bearer";

    static {
        // the caller comes from the bearer token (an argument resolver), not from the query: without this the
        // document listed a required query parameter "caller" on every write (found by the hostile-input suite)
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI hyteOpenApi(@Value("${spring.application.name:hyte}") String name) {
        return new OpenAPI()
                .info(new Info().title("Hyte " + name).version("0.1.0"))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A JWT with audience hyte and the roles claim; "
                                                + "POST /oauth2/token on the gateway issues one.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
