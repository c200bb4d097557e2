package io.artstore.query;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API documentation in the JSON shape the service really speaks: springdoc's model resolver
 * (swagger-core, Jackson 2) does not see the application's snake_case naming (Jackson 3), so
 * it gets a snake_case mapper of its own. Candidate for the shared kernel: every service needs it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiNamingConfiguration {

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
