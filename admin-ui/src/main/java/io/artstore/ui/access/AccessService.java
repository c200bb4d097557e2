package io.artstore.ui.access;

import java.util.LinkedHashMap;
import java.util.Map;

import io.artstore.kernel.paging.Page;
import io.artstore.ui.api.AdminApi;

import org.springframework.core.ParameterizedTypeReference;

/** Admin users and service accounts through admin-module's API. */
public class AccessService {

    private static final int LIST_LIMIT = 200;

    private final AdminApi api;

    public AccessService(AdminApi api) {
        this.api = api;
    }

    public Page<AdminUser> users() {
        return api.get(uri -> uri.path("/api/v1/admin-users").queryParam("limit", LIST_LIMIT).build(),
                new ParameterizedTypeReference<Page<AdminUser>>() { });
    }

    public AdminUser user(String id) {
        return api.get("/api/v1/admin-users/{id}", AdminUser.class, id);
    }

    public AdminUser createUser(AccessForms.NewUser form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", trim(form.username()));
        body.put("password", form.password());
        body.put("role", form.role());
        if (hasText(form.email())) {
            body.put("email", form.email().strip());
        }
        return api.post("/api/v1/admin-users", body, AdminUser.class);
    }

    public AdminUser updateUser(String id, AccessForms.EditUser form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", form.role());
        if (hasText(form.email())) {
            body.put("email", form.email().strip());
        }
        return api.put("/api/v1/admin-users/{id}", body, AdminUser.class, id);
    }

    public void resetPassword(String id, String newPassword) {
        api.post("/api/v1/admin-users/{id}/reset-password", Map.of("new_password", newPassword), id);
    }

    public void unlock(String id) {
        api.post("/api/v1/admin-users/{id}/unlock", null, id);
    }

    public void deleteUser(String id) {
        api.delete("/api/v1/admin-users/{id}", id);
    }

    public Page<ServiceAccount> accounts() {
        return api.get(uri -> uri.path("/api/v1/service-accounts").queryParam("limit", LIST_LIMIT).build(),
                new ParameterizedTypeReference<Page<ServiceAccount>>() { });
    }

    public ServiceAccount account(String id) {
        return api.get("/api/v1/service-accounts/{id}", ServiceAccount.class, id);
    }

    /** Creates the account; the answer holds the secret, which is never fetched again. */
    public ServiceAccount createAccount(AccessForms.NewAccount form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", trim(form.name()));
        if (hasText(form.description())) {
            body.put("description", form.description().strip());
        }
        body.put("scopes", form.scopes());
        if (form.secretExpirationDays() != null) {
            body.put("secret_expiration_days", form.secretExpirationDays());
        }
        return api.post("/api/v1/service-accounts", body, ServiceAccount.class);
    }

    public ServiceAccount updateAccount(String id, AccessForms.EditAccount form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", trim(form.name()));
        body.put("description", form.description() == null ? "" : form.description().strip());
        body.put("scopes", form.scopes());
        body.put("status", form.status());
        return api.put("/api/v1/service-accounts/{id}", body, ServiceAccount.class, id);
    }

    /** {@code confirmName}: the name the operator typed; admin-module needs it for an account used in the last 24 h. */
    public RotatedSecret rotateSecret(String id, String confirmName) {
        return api.post("/api/v1/service-accounts/{id}/rotate-secret?confirm_name={name}", null, RotatedSecret.class,
                id, trim(confirmName));
    }

    /** {@code confirmName}: as for {@link #rotateSecret}. */
    public void deleteAccount(String id, String confirmName) {
        api.delete("/api/v1/service-accounts/{id}?confirm_name={name}", id, trim(confirmName));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
