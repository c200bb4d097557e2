package io.artstore.admin.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretPolicyTest {

    private static final Instant T0 = Instant.parse("2026-02-21T10:00:00Z");

    @Test
    void secretExpiresAfterTheConfiguredDays() {
        Instant expiresAt = SecretPolicy.expiresAt(T0, 90);
        assertThat(expiresAt).isEqualTo(Instant.parse("2026-05-22T10:00:00Z"));
        assertThat(SecretPolicy.isExpired(expiresAt, expiresAt.minusSeconds(1))).isFalse();
        assertThat(SecretPolicy.isExpired(expiresAt, expiresAt)).isTrue();
        assertThat(SecretPolicy.isExpired(expiresAt, expiresAt.plus(Duration.ofDays(1)))).isTrue();
    }

    @Test
    void zeroDaysMeansNever() {
        assertThat(SecretPolicy.expiresAt(T0, 0)).isNull();
        assertThat(SecretPolicy.isExpired(null, Instant.MAX)).isFalse();
    }

    @Test
    void secretsAreLongRandomAndPrefixed() {
        SecureRandom random = new SecureRandom();
        String first = SecretPolicy.newSecret(random);
        assertThat(first).startsWith("cs_").hasSize(3 + 43).matches("cs_[A-Za-z0-9_-]+");
        assertThat(SecretPolicy.newSecret(random)).isNotEqualTo(first);
    }
}
