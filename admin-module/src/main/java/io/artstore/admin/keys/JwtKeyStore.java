package io.artstore.admin.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.RSAKey;
import io.artstore.admin.common.Timestamps;

/**
 * The signing keys as this replica sees them: read from {@code jwt_keys}, kept in memory
 * for {@code artstore.admin.keys.cache-ttl}, and re-read at once when a token names a key
 * id not seen yet (another replica rotated). Which keys count as usable is decided at
 * every call with the injected {@link Clock}, so a grace period ends on time even between
 * reloads.
 */
public class JwtKeyStore {

    private static final long MIN_FORCED_RELOAD_NANOS = 100_000_000L;

    private final KeyRepository repository;
    private final KeyWriter writer;
    private final KeyProperties properties;
    private final PrivateKeyCodec codec;
    private final Clock clock;
    private final Map<String, RSAKey> parsed = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    JwtKeyStore(KeyRepository repository, KeyWriter writer, KeyProperties properties, Clock clock) {
        this.repository = repository;
        this.writer = writer;
        this.properties = properties;
        this.codec = writer.codec();
        this.clock = clock;
    }

    /** Active key first, then the keys still in their grace period; private parts included. */
    public List<RSAKey> usableKeys() {
        Instant now = Timestamps.now(clock);
        return rows(false).stream().filter(row -> row.usableAt(now)).map(this::jwk).toList();
    }

    /** Like {@link #usableKeys()}, re-reading the table first when {@code kids} names an unknown key. */
    public List<RSAKey> usableKeys(Set<String> kids) {
        if (!kids.isEmpty()) {
            Set<String> known = rows(false).stream().map(KeyRow::kid).collect(Collectors.toSet());
            if (kids.stream().noneMatch(known::contains)) {
                Snapshot current = snapshot;
                if (current == null || System.nanoTime() - current.loadedAt() > MIN_FORCED_RELOAD_NANOS) {
                    rows(true);
                }
            }
        }
        return usableKeys();
    }

    /** The key new tokens are signed with. */
    public String activeKeyId() {
        return activeRow().kid();
    }

    KeyRow activeRow() {
        Optional<KeyRow> active = rows(false).stream().filter(KeyRow::active).findFirst();
        if (active.isPresent()) {
            return active.get();
        }
        writer.ensureActiveKey();
        return rows(true).stream().filter(KeyRow::active).findFirst()
                .orElseThrow(() -> new IllegalStateException("No active signing key"));
    }

    /** Rows usable now, newest first. */
    List<KeyRow> usableRows() {
        Instant now = Timestamps.now(clock);
        return rows(false).stream().filter(row -> row.usableAt(now)).toList();
    }

    /** Forgets the in-memory copy, after this replica changed the table. */
    void invalidate() {
        snapshot = null;
    }

    private List<KeyRow> rows(boolean reload) {
        Snapshot current = snapshot;
        long nanos = System.nanoTime();
        if (reload || current == null || nanos - current.loadedAt() >= properties.cacheTtl().toNanos()) {
            List<KeyRow> rows = repository.findUsable(Timestamps.now(clock));
            current = new Snapshot(rows, nanos);
            snapshot = current;
            Set<String> kids = rows.stream().map(KeyRow::kid).collect(Collectors.toSet());
            parsed.keySet().retainAll(kids);
        }
        return current.rows();
    }

    private RSAKey jwk(KeyRow row) {
        return parsed.computeIfAbsent(row.kid(), kid -> RsaKeys.toJwk(row, codec));
    }

    private record Snapshot(List<KeyRow> rows, long loadedAt) {
    }
}
