package io.artstore.admin.accounts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service-account settings ({@code artstore.admin.service-accounts.*}).
 *
 * @param secretExpirationDays default lifetime of a new or rotated secret in days, 0 = never expires
 *                             ({@code AM_SA_SECRET_EXPIRATION_DAYS})
 */
@ConfigurationProperties("artstore.admin.service-accounts")
@Validated
public record ServiceAccountProperties(
        @Min(0) @Max(3650) @DefaultValue("90") int secretExpirationDays) {
}
