package io.artstore.admin.users;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import io.artstore.kernel.security.Scopes;

/** Role of an admin user: {@code admin} may do everything, {@code readonly} only reads. */
public enum AdminRole {
    ADMIN(Scopes.ROLE_ADMIN), READONLY(Scopes.ROLE_READONLY);

    private final String value;

    AdminRole(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static AdminRole of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
