package io.artstore.kernel.openapi;

import io.artstore.kernel.health.ServiceIdentity;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** OpenAPI document basics: service title and version, and the {@code bearerAuth} JWT scheme. */
@AutoConfiguration(after = io.artstore.kernel.health.HealthAutoConfiguration.class)
public class OpenApiAutoConfiguration {

    public static final String BEARER = "bearerAuth";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI artstoreOpenApi(ServiceIdentity identity) {
        return new OpenAPI()
                .info(new Info().title("ArtStore " + identity.name()).version(identity.version()))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("RS256 JWT issued by admin-module")));
    }
}
