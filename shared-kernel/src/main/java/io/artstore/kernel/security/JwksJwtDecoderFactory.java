package io.artstore.kernel.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * RS256-only JWT decoder over a remote JWKS: keys are cached, refreshed when an unknown
 * key id shows up (rate limited), and kept in use while the JWKS URL is down. Checks expiry and
 * not-before, the issuer when one is configured, and refuses tokens issued for another audience.
 * Tokens it has verified are remembered for a short while ({@link VerifiedJwtCache}).
 */
public final class JwksJwtDecoderFactory {

    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private JwksJwtDecoderFactory() {
    }

    /** The decoder, behind a {@link VerifiedJwtCache} unless its size is 0. */
    public static JwtDecoder create(ResourceServerProperties properties) {
        NimbusJwtDecoder decoder = verifying(properties, Clock.systemUTC());
        if (properties.verifiedTokenCacheSize() == 0) {
            return decoder;
        }
        Duration ttl = properties.verifiedTokenCacheTtl().compareTo(properties.jwksCacheTtl()) > 0
                ? properties.jwksCacheTtl() : properties.verifiedTokenCacheTtl();
        return new VerifiedJwtCache(decoder, ttl, properties.verifiedTokenCacheSize(), Clock.systemUTC());
    }

    /** The decoder that verifies every token: signature over the JWKS's keys, then the claim checks. */
    static NimbusJwtDecoder verifying(ResourceServerProperties properties, Clock clock) {
        if (properties.jwksUrl() == null || properties.jwksUrl().isBlank()) {
            throw new IllegalStateException("artstore.security.jwks-url is required for a resource server");
        }
        int timeout = (int) properties.jwksTimeout().toMillis();
        JWKSource<SecurityContext> source;
        try {
            source = JWKSourceBuilder.<SecurityContext>create(URI.create(properties.jwksUrl()).toURL(),
                            new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT))
                    .cache(properties.jwksCacheTtl().toMillis(), timeout)
                    .rateLimited(10_000)
                    .outageTolerant(properties.jwksOutageTtl().toMillis())
                    .retrying(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException ex) {
            throw new IllegalStateException("artstore.security.jwks-url is not a valid URL: " + properties.jwksUrl(), ex);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(source).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        validators.add(timestamps);
        validators.add(new AudienceValidator(properties.audiences()));
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
