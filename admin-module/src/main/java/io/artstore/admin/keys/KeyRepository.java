package io.artstore.admin.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.artstore.admin.common.Timestamps;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over {@code jwt_keys}. */
class KeyRepository {

    private static final RowMapper<KeyRow> ROW = (rs, n) -> new KeyRow(
            rs.getString("kid"), rs.getString("algorithm"), rs.getString("public_key"), rs.getString("private_key"),
            rs.getString("status"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "retired_at"),
            Timestamps.read(rs, "grace_ends_at"));

    private final JdbcClient jdbc;

    KeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active key and every retired key whose grace period has not ended by {@code now}, newest first. */
    List<KeyRow> findUsable(Instant now) {
        return jdbc.sql("""
                        SELECT * FROM jwt_keys
                        WHERE status = 'active' OR grace_ends_at > :now
                        ORDER BY created_at DESC
                        """)
                .param("now", Timestamps.sql(now))
                .query(ROW).list();
    }

    Optional<KeyRow> findActive() {
        return jdbc.sql("SELECT * FROM jwt_keys WHERE status = 'active'").query(ROW).optional();
    }

    void insertActive(KeyRow row) {
        jdbc.sql("""
                        INSERT INTO jwt_keys (kid, algorithm, public_key, private_key, status, created_at)
                        VALUES (:kid, :algorithm, :publicKey, :privateKey, 'active', :createdAt)
                        """)
                .param("kid", row.kid())
                .param("algorithm", row.algorithm())
                .param("publicKey", row.publicKey())
                .param("privateKey", row.privateKey())
                .param("createdAt", Timestamps.sql(row.createdAt()))
                .update();
    }

    void retire(String kid, Instant now, Instant graceEndsAt) {
        jdbc.sql("""
                        UPDATE jwt_keys SET status = 'retired', retired_at = :now, grace_ends_at = :graceEndsAt
                        WHERE kid = :kid
                        """)
                .param("kid", kid)
                .param("now", Timestamps.sql(now))
                .param("graceEndsAt", Timestamps.sql(graceEndsAt))
                .update();
    }
}
