package io.artstore.admin.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.artstore.admin.keys.JwtKeyStore;
import io.artstore.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class SelfTokenProviderTest {

    private final List<JwtEncoderParameters> encoded = new ArrayList<>();
    private final JwtEncoder encoder = parameters -> {
        encoded.add(parameters);
        JwtClaimsSet claims = parameters.getClaims();
        return Jwt.withTokenValue("token-" + encoded.size())
                .header("alg", "RS256")
                .claims(c -> c.putAll(claims.getClaims()))
                .build();
    };

    @Test
    void mintsAShortLivedTokenForItselfAndCachesItUntilNearExpiry() {
        JwtKeyStore keys = mock(JwtKeyStore.class);
        when(keys.activeKeyId()).thenReturn("kid-1");
        MutableClock clock = MutableClock.system();
        SelfTokenProvider provider = new SelfTokenProvider(encoder, keys,
                new TokenProperties("https://admin.example", Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(1)),
                clock);

        assertThat(provider.accessToken()).isEqualTo("token-1");
        JwtEncoderParameters first = encoded.getFirst();
        assertThat(first.getJwsHeader().getKeyId()).isEqualTo("kid-1");
        assertThat(first.getClaims().getSubject()).isEqualTo("admin-module");
        assertThat(first.getClaims().getClaimAsStringList("scopes"))
                .containsExactly("files:read", "files:write", "storage:read", "storage:write");
        assertThat(first.getClaims().getClaims().get("iss").toString()).isEqualTo("https://admin.example");
        Instant issued = first.getClaims().getIssuedAt();
        assertThat(Duration.between(issued, first.getClaims().getExpiresAt())).isEqualTo(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(3));
        assertThat(provider.accessToken()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(provider.accessToken()).isEqualTo("token-2");
        assertThat(encoded).hasSize(2);
    }
}
