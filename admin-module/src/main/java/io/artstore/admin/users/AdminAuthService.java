package io.artstore.admin.users;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.artstore.admin.auth.IssuedToken;
import io.artstore.admin.auth.TokenIssuer;
import io.artstore.admin.auth.TokenMetrics;
import io.artstore.admin.common.Timestamps;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin login, refresh and own-password change. Failed-login counters and locks live in
 * {@code admin_users} and are changed under a row lock, so every replica sees the same
 * count and the same lock. User names that do not exist get the same counters
 * ({@link UnknownUserFailures}), the same answers and a BCrypt check against a dummy hash, so
 * that neither the answers nor their timing tell which names exist.
 */
public class AdminAuthService {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthService.class);
    private static final String LOGIN = TokenIssuer.PASSWORD.getValue();
    private static final String REFRESH = AuthorizationGrantType.REFRESH_TOKEN.getValue();

    private final AdminUserRepository users;
    private final UnknownUserFailures unknownUsers;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer tokens;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;
    private final LockoutPolicy lockout;
    private final PasswordPolicy passwords;
    private final Clock clock;
    private final TokenMetrics tokenMetrics;
    private final MeterRegistry registry;
    private final Counter lockouts;
    private final Counter unknownLockouts;
    private final String dummyHash;

    AdminAuthService(AdminUserRepository users, UnknownUserFailures unknownUsers, RefreshTokens refreshTokens,
                     TokenIssuer tokens,
                     PasswordEncoder passwordEncoder, TransactionTemplate tx, UserProperties properties, Clock clock,
                     TokenMetrics tokenMetrics, MeterRegistry registry, PasswordPolicy passwords) {
        this.users = users;
        this.unknownUsers = unknownUsers;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
        this.lockout = properties.lockoutPolicy();
        this.passwords = passwords;
        this.clock = clock;
        this.tokenMetrics = tokenMetrics;
        this.registry = registry;
        this.lockouts = Counter.builder("artstore.admin.lockouts")
                .description("Admin accounts locked after too many failed logins").register(registry);
        this.unknownLockouts = Counter.builder("artstore.admin.unknown.user.lockouts")
                .description("User names that do not exist locked after too many failed logins (name probing)")
                .register(registry);
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    public AdminUserDtos.LoginResponse login(String username, String password) {
        AdminUser user = users.findByUsername(username).orElse(null);
        if (user == null) {
            throw unknownUser(username, password);
        }
        if (lockout.isLocked(user.lockState(), Timestamps.now(clock))) {
            throw failure("locked", ErrorCode.ACCOUNT_LOCKED, lockedMessage(user.lockedUntil()));
        }
        if (!passwordEncoder.matches(password, user.passwordHash())) {
            LockoutPolicy.State state = recordFailure(user.id());
            if (state.lockedUntil() != null) {
                throw failure("bad_password", ErrorCode.ACCOUNT_LOCKED, lockedMessage(state.lockedUntil()));
            }
            throw failure("bad_password", ErrorCode.INVALID_CREDENTIALS, "Invalid username or password");
        }
        Instant lockedUntil = recordSuccess(user.id());
        if (lockedUntil != null) {
            throw failure("locked", ErrorCode.ACCOUNT_LOCKED, lockedMessage(lockedUntil));
        }
        tokenMetrics.issued(LOGIN);
        return issue(user, TokenIssuer.PASSWORD);
    }

    public AdminUserDtos.LoginResponse refresh(String refreshToken) {
        Instant now = Timestamps.now(clock);
        AdminUser user = refreshTokens.consume(refreshToken, now).flatMap(users::findById).orElse(null);
        if (user == null) {
            tokenMetrics.rejected(REFRESH, ErrorCode.INVALID_REFRESH_TOKEN.name());
            throw new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "Refresh token is invalid, expired or already used");
        }
        if (lockout.isLocked(user.lockState(), now)) {
            tokenMetrics.rejected(REFRESH, ErrorCode.ACCOUNT_LOCKED.name());
            throw new ApiException(ErrorCode.ACCOUNT_LOCKED, lockedMessage(user.lockedUntil()));
        }
        tokenMetrics.issued(REFRESH);
        return issue(user, AuthorizationGrantType.REFRESH_TOKEN);
    }

    public void changePassword(UUID userId, String currentPassword, String newPassword) {
        AdminUser user = users.findById(userId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "The user of this token no longer exists"));
        if (!passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Current password is wrong");
        }
        passwords.check("new_password", newPassword);
        users.updatePassword(userId, passwordEncoder.encode(newPassword), Timestamps.now(clock));
        refreshTokens.revokeAll(userId);
        log.info("Admin user {} changed their password", user.username());
    }

    /** The answers a real account would give, in the same order, with the same counting and lock. */
    private ApiException unknownUser(String username, String password) {
        Instant now = Timestamps.now(clock);
        LockoutPolicy.State stored = lockout.current(unknownUsers.find(username), now);
        if (lockout.isLocked(stored, now)) {
            return failure("locked", ErrorCode.ACCOUNT_LOCKED, lockedMessage(stored.lockedUntil()));
        }
        passwordEncoder.matches(password, dummyHash);
        // the time after the hash check, as for a real account, so the lock ends when it would there
        Instant failedAt = Timestamps.now(clock);
        LockoutPolicy.State state = tx.execute(status -> unknownUsers.recordFailure(username, lockout, failedAt));
        unknownUsers.purgeExpired(lockout, failedAt);
        if (state.lockedUntil() != null) {
            if (state.failedAttempts() == lockout.maxAttempts()) {
                unknownLockouts.increment();
            }
            return failure("unknown_user", ErrorCode.ACCOUNT_LOCKED, lockedMessage(state.lockedUntil()));
        }
        return failure("unknown_user", ErrorCode.INVALID_CREDENTIALS, "Invalid username or password");
    }

    private AdminUserDtos.LoginResponse issue(AdminUser user, AuthorizationGrantType grantType) {
        IssuedToken access = tokens.forAdminUser(user.id(), user.username(), user.role().value(), grantType);
        String refresh = refreshTokens.issue(user.id(), Timestamps.now(clock));
        return new AdminUserDtos.LoginResponse(access.value(), refresh, "Bearer", access.expiresIn());
    }

    private LockoutPolicy.State recordFailure(UUID userId) {
        LockoutPolicy.State state = tx.execute(status -> users.findByIdForUpdate(userId).map(locked -> {
            LockoutPolicy.State next = lockout.afterFailure(locked.lockState(), Timestamps.now(clock));
            users.updateLockState(userId, next);
            return next;
        }).orElse(LockoutPolicy.State.CLEAR));
        if (state.lockedUntil() != null && state.failedAttempts() == lockout.maxAttempts()) {
            lockouts.increment();
            log.warn("Admin user {} locked until {} after {} failed logins", userId, state.lockedUntil(),
                    state.failedAttempts());
        }
        return state;
    }

    /** Resets the counter; returns the lock end if another replica locked the account meanwhile. */
    private Instant recordSuccess(UUID userId) {
        return tx.execute(status -> {
            AdminUser current = users.findByIdForUpdate(userId).orElse(null);
            Instant now = Timestamps.now(clock);
            if (current != null && lockout.isLocked(current.lockState(), now)) {
                return current.lockedUntil();
            }
            users.recordLogin(userId, now);
            return null;
        });
    }

    private ApiException failure(String reason, ErrorCode code, String message) {
        Counter.builder("artstore.admin.login.failures")
                .description("Failed admin logins by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
        tokenMetrics.rejected(LOGIN, code.name());
        return new ApiException(code, message);
    }

    private static String lockedMessage(Instant until) {
        return "Account is locked until " + until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
