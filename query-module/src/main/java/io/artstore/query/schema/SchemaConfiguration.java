package io.artstore.query.schema;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Search schema start-up and the {@code postgresql} readiness check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchemaProperties.class)
class SchemaConfiguration {

    @Bean
    SearchSchema searchSchema(DataSource dataSource, SchemaProperties properties) {
        return new SearchSchema(dataSource, properties);
    }

    @Bean
    PostgresqlHealthIndicator postgresqlHealthIndicator(JdbcClient jdbc, SearchSchema schema) {
        return new PostgresqlHealthIndicator(jdbc, schema);
    }
}
