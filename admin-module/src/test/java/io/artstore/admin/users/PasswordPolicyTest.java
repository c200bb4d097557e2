package io.artstore.admin.users;

import java.time.Duration;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new UserProperties(5, Duration.ofMinutes(15), 8, "admin", null));

    @Test
    void acceptsPasswordsFromMinimumLengthUpTo72Bytes() {
        assertThatCode(() -> policy.check("password", "k7#Qm2!x")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "x".repeat(72))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "пароль12")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "correct-horse-1")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortAndOverlongPasswords() {
        assertThatThrownBy(() -> policy.check("password", "1234567"))
                .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR))
                .hasMessageContaining("at least 8");
        assertThatThrownBy(() -> policy.check("password", null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> policy.check("new_password", "x".repeat(73))).hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> policy.check("new_password", "я".repeat(37))).hasMessageContaining("72 bytes");
    }

    @Test
    void refusesCommonPasswordsIgnoringCaseWithoutRepeatingThem() {
        for (String common : new String[]{"password", "PASSWORD", "12345678", "qwertyuiop", "Password1", "trustno1",
                "iloveyou", "sunshine"}) {
            assertThatThrownBy(() -> policy.check("password", common))
                    .as(common)
                    .isInstanceOfSatisfying(ApiException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                        assertThat(ex.getMessage()).isEqualTo(
                                "password: is one of the most commonly used passwords and easy to guess; choose another one");
                    });
        }
        // the whole list is loaded, not just its head
        assertThat(policy.problem("nhfrnjhbcn")).isNotNull();
    }
}
