package io.artstore.query.metadata;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Bounded, time-limited cache of file metadata (Caffeine): entries live {@code ttl} after
 * loading, at most {@code max-size} of them. Misses are not cached, so a file registered a
 * moment ago is found on the next request. Publishes Caffeine's cache metrics
 * ({@code cache_gets_total{cache="file_metadata",result="hit|miss"}}, ...) and
 * {@code query_metadata_cache_hit_ratio}.
 */
public class MetadataCache {

    static final String NAME = "file_metadata";

    private final Cache<UUID, FileMetadata> cache;

    /**
     * @param ticker   time source of the expiry (the system ticker in the service)
     * @param executor where Caffeine runs evictions and other maintenance
     */
    public MetadataCache(MetadataCacheProperties properties, Ticker ticker, Executor executor, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.ttl())
                .maximumSize(properties.maxSize())
                .ticker(ticker)
                .executor(executor)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, NAME);
        Gauge.builder("query.metadata.cache.hit.ratio", cache, c -> c.stats().hitRate())
                .description("Share of metadata lookups answered from the cache")
                .register(registry);
    }

    /** The cached entry, or what {@code loader} finds (then cached); empty when neither has it. */
    public Optional<FileMetadata> get(UUID fileId, Function<UUID, Optional<FileMetadata>> loader) {
        return Optional.ofNullable(cache.get(fileId, id -> loader.apply(id).orElse(null)));
    }

    public void evict(UUID fileId) {
        cache.invalidate(fileId);
    }
}
