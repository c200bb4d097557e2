package io.artstore.kernel.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * admin-module's signing keys as a resource server sees them. The JWKS is fetched as soon as
 * the service starts (and again every {@code jwksRetryInterval} until that first fetch
 * succeeds), then refreshed in the background ahead of each cache expiry, so that a token
 * signed by a known key is accepted while admin-module is down, even if it is the first
 * token the service ever sees. A failed refresh keeps the last keys for {@code jwksOutageTtl}.
 */
public final class RemoteJwks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwks.class);
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;
    /** Nimbus's own default: refresh this long before the cached keys expire. */
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    private static final JWKSelector ANY_KEY = new JWKSelector(new JWKMatcher.Builder().build());

    private final JWKSource<SecurityContext> source;
    private final Duration retryInterval;
    private final ScheduledExecutorService warmUp;
    private volatile boolean loaded;

    public RemoteJwks(ResourceServerProperties properties) {
        if (properties.jwksUrl() == null || properties.jwksUrl().isBlank()) {
            throw new IllegalStateException("artstore.security.jwks-url is required for a resource server");
        }
        this.retryInterval = properties.jwksRetryInterval();
        long ttl = properties.jwksCacheTtl().toMillis();
        int timeout = (int) properties.jwksTimeout().toMillis();
        // Nimbus needs the refresh to start (and time out) before the cached keys expire.
        long refreshAhead = Math.min(REFRESH_AHEAD.toMillis(), (ttl - timeout) / 2);
        try {
            JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(
                            URI.create(properties.jwksUrl()).toURL(),
                            new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT))
                    .cache(ttl, timeout)
                    .rateLimited(10_000)
                    .outageTolerant(properties.jwksOutageTtl().toMillis())
                    .retrying(true);
            if (refreshAhead >= 1000) {
                builder.refreshAheadCache(refreshAhead, true);
            }
            this.source = builder.build();
        } catch (MalformedURLException | IllegalArgumentException ex) {
            throw new IllegalStateException("artstore.security.jwks-url is not a valid URL: " + properties.jwksUrl(), ex);
        }
        this.warmUp = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jwks-warm-up");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts fetching the keys in the background; does not wait for admin-module. */
    public RemoteJwks start() {
        warmUp.execute(this::load);
        return this;
    }

    /** Whether keys have been fetched at least once (they may be stale while admin-module is down). */
    public boolean loaded() {
        return loaded;
    }

    JWKSource<SecurityContext> source() {
        return source;
    }

    private void load() {
        try {
            source.get(ANY_KEY, null);
            loaded = true;
            warmUp.shutdown();
            log.info("Fetched the token signing keys");
        } catch (KeySourceException | RuntimeException ex) {
            log.warn("Token signing keys not available yet ({}); trying again in {}s", ex.getMessage(),
                    retryInterval.toSeconds());
            if (!warmUp.isShutdown()) {
                warmUp.schedule(this::load, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() throws Exception {
        warmUp.shutdownNow();
        if (source instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
