package io.artstore.kernel.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Resource-server settings shared by every service ({@code artstore.security.*}).
 *
 * @param jwksUrl        where admin-module publishes its signing keys
 * @param issuer         expected {@code iss} claim; not checked when empty
 * @param audiences      audiences a token may name; a token naming only others is refused (ArtStore's own
 *                       tokens name none)
 * @param publicPaths    extra paths open without a token (health, metrics and API docs always are)
 * @param jwksCacheTtl   how long fetched keys are trusted before a refresh
 * @param jwksOutageTtl  how long cached keys keep working while the JWKS URL is unreachable
 * @param jwksTimeout    connect and read timeout of the JWKS fetch
 * @param jwksRetryInterval how often the first fetch of the JWKS is retried while admin-module cannot be reached
 * @param verifiedTokenCacheSize how many verified tokens each service remembers ({@link VerifiedJwtCache});
 *                               0 verifies every request's token anew
 * @param verifiedTokenCacheTtl  how long a verified token is used without verifying it again; at most
 *                               {@code jwksCacheTtl}, so a key withdrawn from the JWKS is not trusted longer
 */
@ConfigurationProperties("artstore.security")
@Validated
public record ResourceServerProperties(
        String jwksUrl,
        String issuer,
        @DefaultValue List<String> audiences,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("24h") Duration jwksOutageTtl,
        @DefaultValue("5s") Duration jwksTimeout,
        @DefaultValue("10s") Duration jwksRetryInterval,
        @DefaultValue("1000") @Min(0) int verifiedTokenCacheSize,
        @DefaultValue("1m") Duration verifiedTokenCacheTtl) {

    /** Paths every service serves without authentication. */
    public static final List<String> ALWAYS_PUBLIC = List.of(
            "/health/**", "/metrics", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/error");
}
