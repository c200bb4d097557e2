package io.artstore.ui.access;

import java.util.List;

/** Form bodies of the access page (bound from HTML forms). */
public final class AccessForms {

    private AccessForms() {
    }

    public record NewUser(String username, String password, String email, String role) {
        public static NewUser empty() {
            return new NewUser("", "", "", "readonly");
        }
    }

    public record EditUser(String email, String role) {
    }

    public record NewPassword(String newPassword) {
    }

    public record NewAccount(String name, String description, List<String> scopes, Integer secretExpirationDays) {
        public NewAccount {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        public static NewAccount empty() {
            return new NewAccount("", "", List.of(), 90);
        }
    }

    public record EditAccount(String name, String description, List<String> scopes, String status) {
        public EditAccount {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }
}
