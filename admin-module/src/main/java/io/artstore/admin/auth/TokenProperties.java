package io.artstore.admin.auth;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings ({@code artstore.admin.tokens.*}).
 *
 * @param issuer            {@code iss} of every token and the authorization server's issuer URL
 *                          ({@code AM_JWT_ISSUER}); when empty it is derived from each request's base URL
 * @param accessTtl         lifetime of admin-user access tokens ({@code AM_JWT_ACCESS_TTL})
 * @param refreshTtl        lifetime of admin-user refresh tokens ({@code AM_JWT_REFRESH_TTL})
 * @param serviceAccountTtl lifetime of service-account access tokens ({@code AM_JWT_SA_ACCESS_TTL})
 */
@ConfigurationProperties("artstore.admin.tokens")
@Validated
public record TokenProperties(
        String issuer,
        @NotNull @DefaultValue("30m") Duration accessTtl,
        @NotNull @DefaultValue("24h") Duration refreshTtl,
        @NotNull @DefaultValue("1h") Duration serviceAccountTtl) {

    public boolean hasIssuer() {
        return issuer != null && !issuer.isBlank();
    }
}
