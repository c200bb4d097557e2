package io.artstore.admin.keys;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signing-key settings ({@code artstore.admin.keys.*}).
 *
 * @param gracePeriod        how long a rotated-out key stays published and accepted ({@code AM_JWT_KEY_GRACE_PERIOD})
 * @param encryptionPassword when set, private keys are stored AES-GCM encrypted with a key derived from it
 *                           ({@code AM_JWT_KEY_ENCRYPTION_PASSWORD}); without it they are stored unencrypted
 * @param cacheTtl           how long a replica trusts its in-memory copy of the key table before re-reading it
 * @param rsaKeySize         RSA modulus length of new keys
 */
@ConfigurationProperties("artstore.admin.keys")
@Validated
public record KeyProperties(
        @NotNull @DefaultValue("60m") Duration gracePeriod,
        String encryptionPassword,
        @NotNull @DefaultValue("5s") Duration cacheTtl,
        @Min(2048) @DefaultValue("2048") int rsaKeySize) {

    public boolean encrypted() {
        return encryptionPassword != null && !encryptionPassword.isBlank();
    }
}
