package io.artstore.ui.auth;

import java.io.Serializable;
import java.security.Principal;

/** Principal of a UI session: who is logged in and with which role ({@code admin} or {@code readonly}). */
public record AdminPrincipal(String id, String username, String role) implements Principal, Serializable {

    public static final String ROLE_ADMIN = "admin";

    @Override
    public String getName() {
        return username;
    }

    public boolean isAdmin() {
        return ROLE_ADMIN.equals(role);
    }
}
