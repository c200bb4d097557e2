package io.artstore.query.metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cache lifetime and bound, on a controllable clock and with maintenance on the calling thread (no waiting). */
class MetadataCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private MetadataCache cache(Duration ttl, long maxSize) {
        return new MetadataCache(new MetadataCacheProperties(ttl, maxSize), nanos::get, Runnable::run, meters);
    }

    private Optional<FileMetadata> load(UUID id) {
        loads.incrementAndGet();
        return Optional.of(new FileMetadata(id, "f.txt", "text/plain", 1, "0".repeat(64), "sa", Instant.EPOCH, null,
                List.of(), "active", "permanent", null, null));
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void entriesLiveForTheConfiguredTtl() {
        MetadataCache cache = cache(Duration.ofSeconds(45), 100);
        UUID id = UUID.randomUUID();
        cache.get(id, this::load);
        advance(Duration.ofSeconds(44));
        cache.get(id, this::load);
        assertThat(loads).hasValue(1);
        advance(Duration.ofSeconds(2));
        cache.get(id, this::load);
        assertThat(loads).hasValue(2);
        assertThat(meters.get("query.metadata.cache.hit.ratio").gauge().value()).isBetween(0.3, 0.34);
    }

    @Test
    void evictForgetsAnEntry() {
        MetadataCache cache = cache(Duration.ofSeconds(30), 100);
        UUID id = UUID.randomUUID();
        cache.get(id, this::load);
        cache.evict(id);
        cache.get(id, this::load);
        assertThat(loads).hasValue(2);
    }

    @Test
    void missesAreNotCached() {
        MetadataCache cache = cache(Duration.ofSeconds(30), 100);
        UUID id = UUID.randomUUID();
        assertThat(cache.get(id, key -> Optional.empty())).isEmpty();
        assertThat(cache.get(id, this::load)).isPresent();
    }

    @Test
    void sizeIsBounded() {
        MetadataCache cache = cache(Duration.ofSeconds(60), 10);
        for (int i = 0; i < 500; i++) {
            cache.get(UUID.randomUUID(), this::load);
        }
        assertThat(meters.get("cache.size").tag("cache", "file_metadata").gauge().value()).isLessThanOrEqualTo(10);
    }
}
