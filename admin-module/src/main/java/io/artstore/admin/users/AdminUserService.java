package io.artstore.admin.users;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.admin.common.Timestamps;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Management of admin users. */
public class AdminUserService {

    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);

    private final AdminUserRepository users;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;
    private final LockoutPolicy lockout;
    private final PasswordPolicy passwords;
    private final Clock clock;

    AdminUserService(AdminUserRepository users, RefreshTokens refreshTokens, PasswordEncoder passwordEncoder,
                     TransactionTemplate tx, UserProperties properties, PasswordPolicy passwords, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
        this.lockout = properties.lockoutPolicy();
        this.passwords = passwords;
        this.clock = clock;
    }

    public AdminUserDtos.View create(AdminUserDtos.Create request) {
        passwords.check("password", request.password());
        Instant now = Timestamps.now(clock);
        AdminUser user = new AdminUser(UUID.randomUUID(), request.username(), blankToNull(request.email()),
                passwordEncoder.encode(request.password()), request.role(), 0, null, null, null, now, now);
        try {
            users.insert(user);
        } catch (DuplicateKeyException ex) {
            throw ApiException.conflict("An admin user named '" + request.username() + "' already exists");
        }
        log.info("Created admin user {} with role {}", user.username(), user.role().value());
        return view(user);
    }

    public Page<AdminUserDtos.View> list(PageQuery page) {
        List<AdminUserDtos.View> items = users.list(page).stream().map(this::view).toList();
        return Page.of(items, users.count(), page);
    }

    public AdminUserDtos.View get(UUID id) {
        return view(find(id));
    }

    public AdminUserDtos.View update(UUID id, AdminUserDtos.Update request) {
        if (request.email() == null && request.role() == null) {
            throw ApiException.validation("At least one of email, role is required");
        }
        AdminUser updated = tx.execute(status -> {
            AdminUser current = find(id);
            String email = request.email() != null ? blankToNull(request.email()) : current.email();
            AdminRole role = request.role() != null ? request.role() : current.role();
            if (current.role() == AdminRole.ADMIN && role != AdminRole.ADMIN) {
                requireAnotherAdmin(id, "The last admin cannot lose the admin role");
            }
            users.updateProfile(id, email, role, Timestamps.now(clock));
            log.info("Updated admin user {} (role {})", current.username(), role.value());
            return find(id);
        });
        return view(updated);
    }

    public void delete(UUID id, UUID caller) {
        if (id.equals(caller)) {
            throw ApiException.conflict("You cannot delete your own account");
        }
        tx.executeWithoutResult(status -> {
            AdminUser user = find(id);
            if (user.role() == AdminRole.ADMIN) {
                requireAnotherAdmin(id, "The last admin cannot be deleted");
            }
            users.delete(id);
            log.info("Deleted admin user {}", user.username());
        });
    }

    /** 409 unless some admin other than {@code id} remains (admins row-locked against races). */
    private void requireAnotherAdmin(UUID id, String message) {
        if (users.lockAdmins().stream().noneMatch(admin -> !admin.equals(id))) {
            throw ApiException.conflict(message);
        }
    }

    public void resetPassword(UUID id, String newPassword) {
        passwords.check("new_password", newPassword);
        AdminUser user = find(id);
        users.updatePassword(id, passwordEncoder.encode(newPassword), Timestamps.now(clock));
        refreshTokens.revokeAll(id);
        log.info("Reset the password of admin user {}", user.username());
    }

    public void unlock(UUID id) {
        tx.executeWithoutResult(status -> {
            AdminUser user = users.findByIdForUpdate(id).orElseThrow(this::notFound);
            if (!lockout.isLocked(user.lockState(), Timestamps.now(clock))) {
                throw new ApiException(ErrorCode.NOT_LOCKED, "Account is not locked");
            }
            users.updateLockState(id, LockoutPolicy.State.CLEAR);
            log.info("Unlocked admin user {}", user.username());
        });
    }

    private AdminUser find(UUID id) {
        return users.findById(id).orElseThrow(this::notFound);
    }

    private AdminUserDtos.View view(AdminUser user) {
        return AdminUserDtos.View.of(user, lockout, Timestamps.now(clock));
    }

    private ApiException notFound() {
        return ApiException.notFound("Admin user not found");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
