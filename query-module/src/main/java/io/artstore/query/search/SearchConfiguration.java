package io.artstore.query.search;

import javax.sql.DataSource;

import io.artstore.query.schema.SearchSchema;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Search wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    @Bean
    SearchRepository searchRepository(JdbcClient jdbc, DataSource dataSource, SearchProperties properties) {
        return new SearchRepository(jdbc, JdbcClient.create(new ValuePlannedJdbcTemplate(dataSource)),
                properties.totalLimit());
    }

    @Bean
    SearchMetrics searchMetrics(MeterRegistry registry) {
        return new SearchMetrics(registry);
    }

    @Bean
    SearchService searchService(SearchRepository repository, SearchSchema schema, Validator validator,
                                SearchMetrics metrics) {
        return new SearchService(repository, schema, validator, metrics);
    }
}
