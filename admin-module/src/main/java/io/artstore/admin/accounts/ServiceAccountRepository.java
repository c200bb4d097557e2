package io.artstore.admin.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.artstore.admin.common.Timestamps;
import io.artstore.kernel.paging.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over {@code service_accounts}. */
class ServiceAccountRepository {

    private final JdbcClient jdbc;

    ServiceAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ServiceAccount> findById(UUID id) {
        return jdbc.sql("SELECT * FROM service_accounts WHERE id = :id").param("id", id)
                .query(ServiceAccountRepository::map).optional();
    }

    Optional<ServiceAccount> findByClientId(String clientId) {
        return jdbc.sql("SELECT * FROM service_accounts WHERE client_id = :clientId").param("clientId", clientId)
                .query(ServiceAccountRepository::map).optional();
    }

    List<ServiceAccount> list(ServiceAccountStatus status, PageQuery page) {
        return jdbc.sql("""
                        SELECT * FROM service_accounts
                        WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                        ORDER BY created_at, id
                        LIMIT :limit OFFSET :offset
                        """)
                .param("status", status == null ? null : status.json())
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(ServiceAccountRepository::map).list();
    }

    long count(ServiceAccountStatus status) {
        return jdbc.sql("SELECT count(*) FROM service_accounts WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status)")
                .param("status", status == null ? null : status.json())
                .query(Long.class).single();
    }

    void insert(ServiceAccount account) {
        jdbc.sql("""
                        INSERT INTO service_accounts (id, client_id, name, description, secret_hash, scopes, status,
                                                      secret_expiration_days, secret_expires_at, created_at, updated_at)
                        VALUES (:id, :clientId, :name, :description, :secretHash, :scopes, :status,
                                :expirationDays, :expiresAt, :createdAt, :updatedAt)
                        """)
                .param("id", account.id())
                .param("clientId", account.clientId())
                .param("name", account.name())
                .param("description", account.description())
                .param("secretHash", account.secretHash())
                .param("scopes", account.scopes().toArray(String[]::new))
                .param("status", account.status().json())
                .param("expirationDays", account.secretExpirationDays())
                .param("expiresAt", Timestamps.sql(account.secretExpiresAt()))
                .param("createdAt", Timestamps.sql(account.createdAt()))
                .param("updatedAt", Timestamps.sql(account.updatedAt()))
                .update();
    }

    void update(ServiceAccount account) {
        jdbc.sql("""
                        UPDATE service_accounts
                        SET name = :name, description = :description, scopes = :scopes, status = :status,
                            updated_at = :updatedAt
                        WHERE id = :id
                        """)
                .param("id", account.id())
                .param("name", account.name())
                .param("description", account.description())
                .param("scopes", account.scopes().toArray(String[]::new))
                .param("status", account.status().json())
                .param("updatedAt", Timestamps.sql(account.updatedAt()))
                .update();
    }

    boolean updateSecret(UUID id, String secretHash, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                        UPDATE service_accounts
                        SET secret_hash = :secretHash, secret_expires_at = :expiresAt, updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("secretHash", secretHash)
                .param("expiresAt", Timestamps.sql(expiresAt))
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    /**
     * Records that a token was issued to the account now. One conditional UPDATE: it writes only
     * when the stored value is more than a minute old, so a client asking for tokens in a loop
     * costs no row versions (no dead tuples, no WAL) beyond one per minute.
     */
    boolean markUsed(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE service_accounts SET last_used_at = :now
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :now - INTERVAL '1 minute')
                        """)
                .param("id", id)
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    /** Client id, name and secret expiry of every account whose secret expires, for the expiry gauge. */
    List<ServiceAccount> listExpiring() {
        return jdbc.sql("SELECT * FROM service_accounts WHERE secret_expires_at IS NOT NULL ORDER BY name")
                .query(ServiceAccountRepository::map).list();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM service_accounts WHERE id = :id").param("id", id).update() == 1;
    }

    private static ServiceAccount map(ResultSet rs, int row) throws SQLException {
        Array scopes = rs.getArray("scopes");
        return new ServiceAccount(
                rs.getObject("id", UUID.class),
                rs.getString("client_id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("secret_hash"),
                List.of((String[]) scopes.getArray()),
                ServiceAccountStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getInt("secret_expiration_days"),
                Timestamps.read(rs, "secret_expires_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "last_used_at"));
    }
}
