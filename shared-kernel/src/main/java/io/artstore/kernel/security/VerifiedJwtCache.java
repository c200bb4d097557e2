package io.artstore.kernel.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Remembers the tokens its delegate has verified. Clients send the same token with request
 * after request (service accounts and users hold a token for minutes), and verifying it - an
 * RSA signature check, Base64 and JSON parsing, the claim conversions - was the largest single
 * cost of a small request (docs/benchmarks.md). A remembered token is used for at most
 * {@code ttl}, and never past its own expiry (plus the clock skew the delegate allows too); its
 * expiry and not-before are also checked again on every use. Once the entry is gone or the
 * check fails, the token goes to the delegate again, which refuses it with its usual error or
 * verifies it anew. A token the delegate refuses is never remembered, so the cache holds only
 * tokens the issuer signed. A Caffeine cache bounded to {@code maxEntries}, with per-entry expiry.
 *
 * <p>Keys removed from the JWKS stop being honoured once the JWKS cache refreshes; with a
 * {@code ttl} no longer than that refresh interval, remembering verified tokens does not extend
 * how long a withdrawn key is trusted.
 */
public final class VerifiedJwtCache implements JwtDecoder {

    /** The skew {@link JwtTimestampValidator} allows by default, which the delegate uses too. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Cache<String, Jwt> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param delegate   verifies tokens (signature and every claim check)
     * @param ttl        how long a verified token is used without asking the delegate again
     * @param maxEntries how many tokens are remembered at most
     * @param clock      the clock the delegate's timestamp check uses too
     */
    public VerifiedJwtCache(JwtDecoder delegate, Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl and maxEntries must be positive");
        }
        this.delegate = delegate;
        JwtTimestampValidator validator = new JwtTimestampValidator(CLOCK_SKEW);
        validator.setClock(clock);
        this.timestamps = validator;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilTtlOrExpiry(ttl))
                // the clock, not System.nanoTime, so that expiry follows the delegate's clock
                .ticker(() -> nanos(clock.instant()))
                // evictions and expiries on the caller's thread: no pool task per token
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = entries.getIfPresent(token);
        if (remembered != null) {
            if (!timestamps.validate(remembered).hasErrors()) {
                hits.increment();
                return remembered;
            }
            entries.asMap().remove(token, remembered);
        }
        misses.increment();
        Jwt jwt = delegate.decode(token);
        entries.put(token, jwt);
        return jwt;
    }

    /** How many verified tokens are remembered right now. */
    public int size() {
        entries.cleanUp();
        return Math.toIntExact(entries.estimatedSize());
    }

    /**
     * Metrics: {@code artstore_verified_tokens} (remembered now) and
     * {@code artstore_token_verifications_total}. Not a {@code MeterBinder} on purpose: the cache is
     * the service's {@code JwtDecoder} bean, and Spring Boot would bind it a second time.
     */
    public void registerMetrics(MeterRegistry registry) {
        Gauge.builder("artstore.verified.tokens", entries, Cache::estimatedSize)
                .description("Verified access tokens the service remembers")
                .register(registry);
        counter(registry, "remembered", hits);
        counter(registry, "verified", misses);
    }

    private static void counter(MeterRegistry registry, String result, LongAdder count) {
        FunctionCounter.builder("artstore.token.verifications", count, LongAdder::sum)
                .description("Access tokens presented, by whether the remembered verification was used")
                .tag("result", result).register(registry);
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    /** An entry lives for the ttl or until its token expires (with the skew), whichever comes first. */
    private record UntilTtlOrExpiry(Duration ttl) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null) {
                return ttl.toNanos();
            }
            long untilExpiry = nanos(expiresAt.plus(CLOCK_SKEW)) - currentTime;
            return Math.max(0, Math.min(ttl.toNanos(), untilExpiry));
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
