package io.artstore.admin.common;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transaction-scoped PostgreSQL advisory locks, so that work done once for the whole
 * installation (first signing key, initial admin, key rotation) runs on one replica at a
 * time. Must be called inside a transaction; the lock is released at commit or rollback.
 */
public final class AdvisoryLocks {

    /** Lock id of signing-key creation and rotation. */
    public static final long SIGNING_KEYS = 0x4172_7453_4b45_5901L;
    /** Lock id of initial admin creation. */
    public static final long INITIAL_ADMIN = 0x4172_7453_4144_4d01L;

    private AdvisoryLocks() {
    }

    public static void lock(JdbcClient jdbc, long id) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:id)").param("id", id).query().singleRow();
    }
}
