package io.artstore.kernel.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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
 * {@code ttl} and its expiry and not-before are checked again on every use; once they fail, or
 * the entry is older than {@code ttl}, the token goes to the delegate again, which refuses it
 * with its usual error or verifies it anew. A token the delegate refuses is never remembered, so
 * the cache holds only tokens the issuer signed. The cache is bounded: when it is full, the
 * expired entries are dropped, or all entries when none has expired.
 *
 * <p>Keys removed from the JWKS stop being honoured once the JWKS cache refreshes; with a
 * {@code ttl} no longer than that refresh interval, remembering verified tokens does not extend
 * how long a withdrawn key is trusted.
 */
public final class VerifiedJwtCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
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
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        this.timestamps = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Entry entry = entries.get(token);
        if (entry != null) {
            if (usable(entry, now)) {
                hits.increment();
                return entry.jwt();
            }
            entries.remove(token, entry);
        }
        misses.increment();
        Jwt jwt = delegate.decode(token);
        remember(token, jwt, now);
        return jwt;
    }

    /** How many verified tokens are remembered right now. */
    public int size() {
        return entries.size();
    }

    /**
     * Metrics: {@code artstore_verified_tokens} (remembered now) and
     * {@code artstore_token_verifications_total}. Not a {@code MeterBinder} on purpose: the cache is
     * the service's {@code JwtDecoder} bean, and Spring Boot would bind it a second time.
     */
    public void registerMetrics(MeterRegistry registry) {
        Gauge.builder("artstore.verified.tokens", entries, ConcurrentHashMap::size)
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

    private void remember(String token, Jwt jwt, Instant now) {
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !usable(e, now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(jwt, now.plus(ttl)));
    }

    /** Within its ttl, and its token neither expired nor not yet valid. */
    private boolean usable(Entry entry, Instant now) {
        return now.isBefore(entry.until()) && !timestamps.validate(entry.jwt()).hasErrors();
    }

    private record Entry(Jwt jwt, Instant until) {
    }
}
