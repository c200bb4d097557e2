package io.artstore.storage.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the published OpenAPI schemas use the snake_case field names the API really
 * sends (springdoc introspects models with its own Jackson 2 mapper, which does not see
 * the application's Jackson 3 naming strategy).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiNaming {

    @Bean
    ModelResolver snakeCaseModelResolver(ObjectMapperProvider mapperProvider) {
        return new ModelResolver(mapperProvider.jsonMapper().copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
