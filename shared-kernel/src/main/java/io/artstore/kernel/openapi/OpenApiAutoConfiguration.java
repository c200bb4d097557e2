package io.artstore.kernel.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.artstore.kernel.health.ServiceIdentity;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * OpenAPI document basics: service title and version, the {@code bearerAuth} JWT scheme, snake_case schemas,
 * and the error responses every operation shares ({@link CommonErrorResponses}).
 */
@AutoConfiguration(after = io.artstore.kernel.health.HealthAutoConfiguration.class)
public class OpenApiAutoConfiguration {

    public static final String BEARER = "bearerAuth";

    /**
     * Published schemas use the snake_case names the API really sends: springdoc reads models
     * with swagger-core's own Jackson 2 mapper, which does not see the services' Jackson 3
     * naming strategy.
     */
    @Bean
    @ConditionalOnMissingBean
    ModelResolver snakeCaseModelResolver(ObjectProvider<ObjectMapperProvider> mapperProvider) {
        ObjectMapperProvider provider = mapperProvider.getIfAvailable();
        ObjectMapper base = provider != null ? provider.jsonMapper() : Json31.mapper();
        boolean openapi31 = provider == null || provider.isOpenapi31();
        return new ModelResolver(base.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(openapi31);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI artstoreOpenApi(ServiceIdentity identity) {
        return new OpenAPI()
                .info(new Info().title("ArtStore " + identity.name()).version(identity.version()))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("RS256 JWT issued by admin-module")));
    }

    @Bean
    @ConditionalOnMissingBean
    CommonErrorResponses artstoreCommonErrorResponses() {
        return new CommonErrorResponses();
    }
}
