package io.artstore.kernel.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.artstore.testsupport.time.MutableClock;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link VerifiedJwtCache} in front of the real verifying decoder ({@link JwksJwtDecoderFactory}
 * over a JWKS served on loopback), counting how often the decoder itself is asked.
 */
class VerifiedJwtCacheTest {

    private static TestTokenIssuer issuer;

    private final MutableClock clock = MutableClock.system();
    private final AtomicInteger verified = new AtomicInteger();
    private JwtDecoder verifying;

    @BeforeAll
    static void startIssuer() {
        issuer = TestTokenIssuer.start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void verifyingDecoder() {
        ResourceServerProperties properties = new ResourceServerProperties(issuer.jwksUrl(),
                TestTokenIssuer.DEFAULT_ISSUER, List.of(), List.of(), Duration.ofMinutes(5), Duration.ofHours(24),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1000, Duration.ofMinutes(1));
        JwtDecoder decoder = JwksJwtDecoderFactory.verifying(new RemoteJwks(properties), properties, clock);
        verifying = token -> {
            verified.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private VerifiedJwtCache cache(int maxEntries) {
        return new VerifiedJwtCache(verifying, Duration.ofMinutes(1), maxEntries, clock);
    }

    @Test
    void aTokenUsedAgainIsVerifiedOnce() {
        VerifiedJwtCache cache = cache(10);
        String reader = issuer.serviceToken("sa_reader", "files:read");
        String writer = issuer.serviceToken("sa_writer", "files:write");
        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode(reader).getSubject()).isEqualTo("sa_reader");
            assertThat(cache.decode(writer).getSubject()).isEqualTo("sa_writer");
        }
        assertThat(verified).hasValue(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        VerifiedJwtCache cache = new VerifiedJwtCache(verifying, Duration.ofMinutes(30), 10, clock);
        String token = issuer.token().subject("sa_short").lifetime(Duration.ofMinutes(2)).build();
        Jwt jwt = cache.decode(token);
        assertThat(jwt.getSubject()).isEqualTo("sa_short");

        clock.advance(Duration.ofSeconds(50));
        assertThat(cache.decode(token).getSubject()).isEqualTo("sa_short");
        assertThat(verified).as("remembered").hasValue(1);

        // past expiry plus the 60 s clock skew both validators allow
        clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verified).as("within the ttl, but expired: asked the decoder, which refused it").hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void anEntryIsDroppedWhenItsTokenExpiresBeforeItsTtl() {
        VerifiedJwtCache cache = new VerifiedJwtCache(verifying, Duration.ofMinutes(30), 10, clock);
        cache.decode(issuer.token().subject("sa_short").lifetime(Duration.ofMinutes(2)).build());
        cache.decode(issuer.serviceToken("sa_long", "files:read"));
        assertThat(cache.size()).isEqualTo(2);

        // past the short token's expiry plus the 60 s skew: gone without being presented again
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheTtl() {
        VerifiedJwtCache cache = cache(10);
        String token = issuer.serviceToken("sa_reader", "files:read");
        cache.decode(token);
        clock.advance(Duration.ofSeconds(61));
        assertThat(cache.decode(token).getSubject()).isEqualTo("sa_reader");
        assertThat(verified).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() throws Exception {
        VerifiedJwtCache cache = cache(10);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(issuer.key().getKeyID()).generate();
        String forged = issuer.token().subject("sa_forger").signingKey(stranger).build();
        String expired = issuer.token().subject("sa_late").expired().build();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
            assertThatThrownBy(() -> cache.decode(expired)).isInstanceOf(JwtValidationException.class);
        }
        assertThat(verified).hasValue(4);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFullCacheMakesRoomAndKeepsAnsweringCorrectly() {
        VerifiedJwtCache cache = cache(2);
        List<String> subjects = List.of("sa_a", "sa_b", "sa_c", "sa_d", "sa_e");
        List<String> tokens = subjects.stream().map(s -> issuer.serviceToken(s, "files:read")).toList();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < tokens.size(); i++) {
                assertThat(cache.decode(tokens.get(i)).getSubject()).isEqualTo(subjects.get(i));
                assertThat(cache.size()).isBetween(1, 2);
            }
        }
    }

    @Test
    void everyServiceGetsTheCacheUnlessItsSizeIsZero() {
        ResourceServerProperties cached = new ResourceServerProperties(issuer.jwksUrl(), null, List.of(), List.of(),
                Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofSeconds(10), 1000, Duration.ofMinutes(1));
        assertThat(JwksJwtDecoderFactory.create(new RemoteJwks(cached), cached)).isInstanceOf(VerifiedJwtCache.class);
        ResourceServerProperties uncached = new ResourceServerProperties(issuer.jwksUrl(), null, List.of(), List.of(),
                Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofSeconds(10), 0, Duration.ofMinutes(1));
        assertThat(JwksJwtDecoderFactory.create(new RemoteJwks(uncached), uncached)).isNotInstanceOf(VerifiedJwtCache.class);
        assertThat(JwksJwtDecoderFactory.create(new RemoteJwks(uncached), uncached).decode(issuer.serviceToken("sa_x", "files:read"))
                .getSubject()).isEqualTo("sa_x");
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new VerifiedJwtCache(verifying, Duration.ZERO, 1, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifiedJwtCache(verifying, Duration.ofMinutes(1), 0, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
