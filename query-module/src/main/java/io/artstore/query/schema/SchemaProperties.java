package io.artstore.query.schema;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Start-up behaviour of the search schema ({@code artstore.query.schema.*}).
 *
 * @param retryInterval pause between checks for admin-module's schema, and between retries
 *                      of a failed migration ({@code QM_SCHEMA_RETRY_INTERVAL})
 */
@ConfigurationProperties("artstore.query.schema")
@Validated
public record SchemaProperties(
        @DefaultValue("5s") @DurationMin(millis = 10) Duration retryInterval) {
}
