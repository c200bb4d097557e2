package io.artstore.kernel.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * RS256-only JWT decoder over admin-module's keys ({@link RemoteJwks}: fetched at start, refreshed
 * in the background and when an unknown key id shows up, kept in use while the JWKS URL is down). Checks expiry and
 * not-before, the issuer when one is configured, and refuses tokens issued for another audience.
 * Tokens it has verified are remembered for a short while ({@link VerifiedJwtCache}).
 */
public final class JwksJwtDecoderFactory {

    private JwksJwtDecoderFactory() {
    }

    /** The decoder over {@code keys}, behind a {@link VerifiedJwtCache} unless its size is 0. */
    public static JwtDecoder create(RemoteJwks keys, ResourceServerProperties properties) {
        NimbusJwtDecoder decoder = verifying(keys, properties, Clock.systemUTC());
        if (properties.verifiedTokenCacheSize() == 0) {
            return decoder;
        }
        Duration ttl = properties.verifiedTokenCacheTtl().compareTo(properties.jwksCacheTtl()) > 0
                ? properties.jwksCacheTtl() : properties.verifiedTokenCacheTtl();
        return new VerifiedJwtCache(decoder, ttl, properties.verifiedTokenCacheSize(), Clock.systemUTC());
    }

    /** The decoder that verifies every token: signature over the JWKS's keys, then the claim checks. */
    static NimbusJwtDecoder verifying(RemoteJwks keys, ResourceServerProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.source()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
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
