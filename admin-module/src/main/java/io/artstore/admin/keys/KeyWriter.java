package io.artstore.admin.keys;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import io.artstore.admin.common.AdvisoryLocks;
import io.artstore.admin.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to {@code jwt_keys}: the first key of an installation and rotations. Both run
 * under a PostgreSQL advisory lock so that concurrent replicas never create two active
 * keys (a partial unique index guards this too).
 */
class KeyWriter {

    private static final Logger log = LoggerFactory.getLogger(KeyWriter.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final KeyRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KeyProperties properties;
    private final PrivateKeyCodec codec;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    KeyWriter(KeyRepository repository, JdbcClient jdbc, TransactionTemplate tx, KeyProperties properties, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.codec = new PrivateKeyCodec(properties.encryptionPassword());
        this.clock = clock;
    }

    PrivateKeyCodec codec() {
        return codec;
    }

    /** Creates the first signing key unless some replica already did. */
    void ensureActiveKey() {
        tx.executeWithoutResult(status -> {
            AdvisoryLocks.lock(jdbc, AdvisoryLocks.SIGNING_KEYS);
            if (repository.findActive().isEmpty()) {
                KeyRow key = newKey(Timestamps.now(clock));
                repository.insertActive(key);
                log.info("Created signing key {}", key.kid());
            }
        });
    }

    /** Retires the active key (kept for the grace period) and activates a new one. */
    Rotation rotate() {
        Rotation rotation = tx.execute(status -> {
            AdvisoryLocks.lock(jdbc, AdvisoryLocks.SIGNING_KEYS);
            Instant now = Timestamps.now(clock);
            Instant graceEndsAt = now.plus(properties.gracePeriod());
            String previous = repository.findActive().map(KeyRow::kid).orElse(null);
            if (previous != null) {
                repository.retire(previous, now, graceEndsAt);
            }
            KeyRow key = newKey(now);
            repository.insertActive(key);
            return new Rotation(key.kid(), previous, graceEndsAt);
        });
        log.info("Rotated signing key: {} is active, {} accepted until {}", rotation.newKeyId(),
                rotation.previousKeyId(), rotation.graceEndsAt());
        return rotation;
    }

    private KeyRow newKey(Instant now) {
        KeyPair pair = RsaKeys.generate(properties.rsaKeySize());
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String kid = "key-" + DAY.format(now) + "-" + HexFormat.of().formatHex(suffix);
        return new KeyRow(kid, "RS256", RsaKeys.encodePublic(pair), codec.encode(pair.getPrivate().getEncoded()),
                KeyRow.ACTIVE, now, null, null);
    }

    record Rotation(String newKeyId, String previousKeyId, Instant graceEndsAt) {
    }
}
