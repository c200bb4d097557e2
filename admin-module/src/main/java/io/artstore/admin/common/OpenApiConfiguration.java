package io.artstore.admin.common;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the OpenAPI schemas show JSON field names as they are on the wire (snake_case).
 * springdoc reads models through swagger-core's own Jackson 2 mapper, which does not see the
 * application's Jackson 3 naming strategy. (A candidate for the shared kernel.)
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    ModelResolver snakeCaseModelResolver() {
        ModelResolver resolver = new ModelResolver(
                Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        resolver.openapi31(true);
        return resolver;
    }
}
