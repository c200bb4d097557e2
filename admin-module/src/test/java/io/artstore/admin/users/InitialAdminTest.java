package io.artstore.admin.users;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitialAdminTest {

    @Test
    void aWeakConfiguredPasswordStopsTheStartWithAClearMessage() {
        assertRefused("password", "AM_INIT_ADMIN_PASSWORD is one of the most commonly used passwords");
        assertRefused("Admin123", "AM_INIT_ADMIN_PASSWORD is one of the most commonly used passwords");
        assertRefused("short", "AM_INIT_ADMIN_PASSWORD must be at least 8 characters long");
    }

    private static void assertRefused(String password, String message) {
        UserProperties properties = new UserProperties(5, Duration.ofMinutes(15), 8, "admin", password);
        // refused before the database is touched
        InitialAdmin initialAdmin = new InitialAdmin(null, null, null, null, properties, new PasswordPolicy(properties),
                Clock.systemUTC());
        assertThatThrownBy(() -> initialAdmin.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(message);
    }
}
