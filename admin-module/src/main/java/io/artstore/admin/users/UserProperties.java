package io.artstore.admin.users;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Admin-user settings ({@code artstore.admin.users.*}).
 *
 * @param lockMaxAttempts     consecutive failed logins that lock an account ({@code AM_LOCK_MAX_ATTEMPTS})
 * @param lockDuration        how long a locked account stays locked ({@code AM_LOCK_DURATION})
 * @param passwordMinLength   minimum password length ({@code AM_PASSWORD_MIN_LENGTH})
 * @param initAdminUsername   username of the admin created on first start ({@code AM_INIT_ADMIN_USERNAME})
 * @param initAdminPassword   its password ({@code AM_INIT_ADMIN_PASSWORD}); generated and logged once when empty
 */
@ConfigurationProperties("artstore.admin.users")
@Validated
public record UserProperties(
        @Min(1) @DefaultValue("5") int lockMaxAttempts,
        @NotNull @DefaultValue("15m") Duration lockDuration,
        @Min(1) @DefaultValue("8") int passwordMinLength,
        @NotBlank @DefaultValue("admin") String initAdminUsername,
        String initAdminPassword) {

    public LockoutPolicy lockoutPolicy() {
        return new LockoutPolicy(lockMaxAttempts, lockDuration);
    }
}
