package io.artstore.admin.users;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(8);

    @Test
    void acceptsPasswordsFromMinimumLengthUpTo72Bytes() {
        assertThatCode(() -> policy.check("password", "12345678")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "x".repeat(72))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "пароль12")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortAndOverlongPasswords() {
        assertThatThrownBy(() -> policy.check("password", "1234567"))
                .isInstanceOfSatisfying(ApiException.class, ex -> org.assertj.core.api.Assertions
                        .assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR))
                .hasMessageContaining("at least 8");
        assertThatThrownBy(() -> policy.check("password", null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> policy.check("new_password", "x".repeat(73))).hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> policy.check("new_password", "я".repeat(37))).hasMessageContaining("72 bytes");
    }
}
