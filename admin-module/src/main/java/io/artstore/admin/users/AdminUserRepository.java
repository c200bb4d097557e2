package io.artstore.admin.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.artstore.admin.common.Timestamps;
import io.artstore.kernel.paging.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over {@code admin_users}. */
class AdminUserRepository {

    private final JdbcClient jdbc;

    AdminUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AdminUser> findById(UUID id) {
        return jdbc.sql("SELECT * FROM admin_users WHERE id = :id").param("id", id)
                .query(AdminUserRepository::map).optional();
    }

    /** Reads and row-locks the user until the surrounding transaction ends. */
    Optional<AdminUser> findByIdForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM admin_users WHERE id = :id FOR UPDATE").param("id", id)
                .query(AdminUserRepository::map).optional();
    }

    Optional<AdminUser> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM admin_users WHERE username = :username").param("username", username)
                .query(AdminUserRepository::map).optional();
    }

    List<AdminUser> list(PageQuery page) {
        return jdbc.sql("SELECT * FROM admin_users ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(AdminUserRepository::map).list();
    }

    /** Ids of all users with role admin, row-locked until the surrounding transaction ends. */
    List<UUID> lockAdmins() {
        return jdbc.sql("SELECT id FROM admin_users WHERE role = 'admin' ORDER BY id FOR UPDATE")
                .query(UUID.class).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM admin_users").query(Long.class).single();
    }

    void insert(AdminUser user) {
        jdbc.sql("""
                        INSERT INTO admin_users (id, username, email, password_hash, role, failed_login_attempts,
                                                 created_at, updated_at)
                        VALUES (:id, :username, :email, :passwordHash, :role, 0, :createdAt, :updatedAt)
                        """)
                .param("id", user.id())
                .param("username", user.username())
                .param("email", user.email())
                .param("passwordHash", user.passwordHash())
                .param("role", user.role().value())
                .param("createdAt", Timestamps.sql(user.createdAt()))
                .param("updatedAt", Timestamps.sql(user.updatedAt()))
                .update();
    }

    void updateProfile(UUID id, String email, AdminRole role, Instant now) {
        jdbc.sql("UPDATE admin_users SET email = :email, role = :role, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("email", email)
                .param("role", role.value())
                .param("now", Timestamps.sql(now))
                .update();
    }

    boolean updatePassword(UUID id, String passwordHash, Instant now) {
        return jdbc.sql("UPDATE admin_users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    void updateLockState(UUID id, LockoutPolicy.State state) {
        jdbc.sql("""
                        UPDATE admin_users SET failed_login_attempts = :attempts, locked_until = :lockedUntil,
                                               last_failed_login_at = :lastFailure
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("attempts", state.failedAttempts())
                .param("lockedUntil", Timestamps.sql(state.lockedUntil()))
                .param("lastFailure", Timestamps.sql(state.lastFailureAt()))
                .update();
    }

    void recordLogin(UUID id, Instant now) {
        jdbc.sql("""
                        UPDATE admin_users SET failed_login_attempts = 0, locked_until = NULL, last_failed_login_at = NULL,
                                               last_login_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("now", Timestamps.sql(now))
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM admin_users WHERE id = :id").param("id", id).update() == 1;
    }

    private static AdminUser map(ResultSet rs, int row) throws SQLException {
        return new AdminUser(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("password_hash"),
                AdminRole.of(rs.getString("role")),
                rs.getInt("failed_login_attempts"),
                Timestamps.read(rs, "locked_until"),
                Timestamps.read(rs, "last_failed_login_at"),
                Timestamps.read(rs, "last_login_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }
}
