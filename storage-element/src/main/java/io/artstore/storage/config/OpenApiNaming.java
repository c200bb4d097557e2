package io.artstore.storage.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the published OpenAPI schemas use the snake_case field names the API really
 * sends (springdoc introspects models with its own Jackson 2 mapper, which does not see
 * the application's Jackson 3 naming strategy). Harmless when API docs are disabled.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiNaming {

    @Bean
    ModelResolver snakeCaseModelResolver(ObjectProvider<ObjectMapperProvider> mapperProvider) {
        ObjectMapperProvider provider = mapperProvider.getIfAvailable();
        ObjectMapper base = provider != null ? provider.jsonMapper() : Json31.mapper();
        boolean openapi31 = provider == null || provider.isOpenapi31();
        return new ModelResolver(base.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(openapi31);
    }
}
