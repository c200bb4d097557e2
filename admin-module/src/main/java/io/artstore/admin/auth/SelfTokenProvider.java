package io.artstore.admin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.artstore.admin.keys.JwtKeyStore;
import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.kernel.security.Scopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * admin-module's own identity for its calls to storage elements (info, listing, mode
 * transitions, metadata changes): a short-lived token it signs itself with the active key,
 * {@code sub} = {@value #SUBJECT}, cached until shortly before it expires. Storage elements
 * validate it against admin-module's JWKS like any other token. Because admin-module is the
 * issuer, it needs no client id or secret of its own.
 */
public class SelfTokenProvider implements ServiceTokenProvider {

    public static final String SUBJECT = "admin-module";
    static final List<String> SCOPES = List.of(Scopes.FILES_READ, Scopes.FILES_WRITE, Scopes.STORAGE_READ,
            Scopes.STORAGE_WRITE);
    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final JwtEncoder encoder;
    private final JwtKeyStore keys;
    private final TokenProperties properties;
    private final Clock clock;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public SelfTokenProvider(JwtEncoder encoder, JwtKeyStore keys, TokenProperties properties, Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String accessToken() {
        Instant now = clock.instant();
        Cached current = cached.get();
        if (current != null && now.isBefore(current.expiresAt().minus(RENEW_BEFORE)) && !now.isBefore(current.issuedAt())) {
            return current.value();
        }
        Cached fresh = mint(now);
        cached.set(fresh);
        return fresh.value();
    }

    private Cached mint(Instant now) {
        Instant expiresAt = now.plus(TTL);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(SUBJECT)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.SCOPES, SCOPES)
                .claim(TokenClaims.SCOPE, String.join(" ", SCOPES));
        if (properties.hasIssuer()) {
            claims.issuer(properties.issuer());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.activeKeyId()).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new Cached(value, now, expiresAt);
    }

    private record Cached(String value, Instant issuedAt, Instant expiresAt) {
    }
}
