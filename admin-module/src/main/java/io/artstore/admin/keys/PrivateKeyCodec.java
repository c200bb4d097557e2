package io.artstore.admin.keys;

import java.util.Base64;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * How a PKCS#8 private key is written to the {@code jwt_keys} table: {@code aes:<salt>:<data>}
 * (AES-256-GCM, key derived from the configured password and a per-key salt) or, without a
 * password, {@code plain:<data>}. Either way the private key never leaves the server.
 */
final class PrivateKeyCodec {

    private static final String PLAIN = "plain:";
    private static final String AES = "aes:";

    private final String password;

    PrivateKeyCodec(String password) {
        this.password = password == null || password.isBlank() ? null : password;
    }

    String encode(byte[] pkcs8) {
        if (password == null) {
            return PLAIN + Base64.getEncoder().encodeToString(pkcs8);
        }
        String salt = KeyGenerators.string().generateKey();
        byte[] encrypted = Encryptors.stronger(password, salt).encrypt(pkcs8);
        return AES + salt + ":" + Base64.getEncoder().encodeToString(encrypted);
    }

    byte[] decode(String stored) {
        if (stored.startsWith(PLAIN)) {
            return Base64.getDecoder().decode(stored.substring(PLAIN.length()));
        }
        if (stored.startsWith(AES)) {
            if (password == null) {
                throw new IllegalStateException(
                        "Signing keys are encrypted but AM_JWT_KEY_ENCRYPTION_PASSWORD is not set");
            }
            String[] parts = stored.substring(AES.length()).split(":", 2);
            return Encryptors.stronger(password, parts[0]).decrypt(Base64.getDecoder().decode(parts[1]));
        }
        throw new IllegalStateException("Unknown private key encoding in jwt_keys");
    }
}
