package io.artstore.ui.auth;

/** The logged-in admin user as admin-module's {@code /admin-auth/me} reports it. */
public record CurrentAdmin(String id, String username, String email, String role) {
}
