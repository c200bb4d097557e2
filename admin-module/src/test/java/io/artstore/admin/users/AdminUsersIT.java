package io.artstore.admin.users;

import io.artstore.admin.support.AdminApiTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every admin-user endpoint as admin (allowed), as readonly (reads only) and with bad input. */
class AdminUsersIT extends AdminApiTest {

    private static final String PASSWORD = "s3cure-enough";

    @Test
    void adminManagesUsersThroughEveryEndpoint() {
        TestHttp admin = as(adminToken());
        String username = unique("operator");

        TestHttp.Response created = admin.postJson("/api/v1/admin-users", "{\"username\":\"" + username
                + "\",\"password\":\"" + PASSWORD + "\",\"email\":\"op@example.com\",\"role\":\"readonly\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode user = created.json();
        String id = user.path("id").asString();
        assertThat(user.path("username").asString()).isEqualTo(username);
        assertThat(user.path("email").asString()).isEqualTo("op@example.com");
        assertThat(user.path("role").asString()).isEqualTo("readonly");
        assertThat(user.path("is_locked").asBoolean()).isFalse();
        assertThat(user.path("failed_login_attempts").asInt()).isZero();
        assertThat(user.has("created_at")).isTrue();
        assertThat(user.has("updated_at")).isTrue();
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("password_hash")).isFalse();

        TestHttp.Response list = admin.get("/api/v1/admin-users?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(list.json().path("has_more").asBoolean()).isFalse();
        assertThat(list.json().path("items").findValuesAsString("username")).contains(username, ADMIN);
        TestHttp.Response page = admin.get("/api/v1/admin-users?limit=1&offset=0");
        assertThat(page.json().path("items").size()).isEqualTo(1);
        assertThat(page.json().path("limit").asInt()).isEqualTo(1);
        assertThat(page.json().path("has_more").asBoolean()).isTrue();

        assertThat(admin.get("/api/v1/admin-users/" + id).json().path("username").asString()).isEqualTo(username);

        TestHttp.Response updated = admin.putJson("/api/v1/admin-users/" + id, "{\"role\":\"admin\",\"email\":\"new@example.com\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("role").asString()).isEqualTo("admin");
        assertThat(updated.json().path("email").asString()).isEqualTo("new@example.com");

        TestHttp.Response reset = admin.postJson("/api/v1/admin-users/" + id + "/reset-password",
                "{\"new_password\":\"another-password\"}");
        assertThat(reset.status()).isEqualTo(204);
        assertThat(login(username, PASSWORD).status()).isEqualTo(401);
        String userToken = loginToken(username, "another-password");
        assertThat(as(userToken).get("/api/v1/admin-auth/me").json().path("role").asString()).isEqualTo("admin");

        assertThat(admin.postJson("/api/v1/admin-users/" + id + "/unlock", "").errorCode()).isEqualTo("NOT_LOCKED");

        assertThat(admin.delete("/api/v1/admin-users/" + id).status()).isEqualTo(204);
        TestHttp.Response gone = admin.get("/api/v1/admin-users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(admin.delete("/api/v1/admin-users/" + id).status()).isEqualTo(404);
        assertThat(login(username, "another-password").status()).isEqualTo(401);
    }

    @Test
    void readonlyReadsButCannotChangeAnything() {
        String readonly = unique("viewer");
        createUser(readonly, PASSWORD, "readonly");
        String targetId = createUser(unique("target"), PASSWORD, "readonly").path("id").asString();
        TestHttp viewer = as(loginToken(readonly, PASSWORD));

        assertThat(viewer.get("/api/v1/admin-users").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/admin-users/" + targetId).status()).isEqualTo(200);

        assertForbidden(viewer.postJson("/api/v1/admin-users",
                "{\"username\":\"" + unique("nope") + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}"));
        assertForbidden(viewer.putJson("/api/v1/admin-users/" + targetId, "{\"role\":\"admin\"}"));
        assertForbidden(viewer.delete("/api/v1/admin-users/" + targetId));
        assertForbidden(viewer.postJson("/api/v1/admin-users/" + targetId + "/reset-password",
                "{\"new_password\":\"whatever-long\"}"));
        assertForbidden(viewer.postJson("/api/v1/admin-users/" + targetId + "/unlock", ""));
        assertThat(as(adminToken()).get("/api/v1/admin-users/" + targetId).json().path("role").asString())
                .isEqualTo("readonly");
    }

    @Test
    void anAdminCannotDeleteThemselves() {
        TestHttp admin = as(adminToken());
        String selfId = admin.get("/api/v1/admin-auth/me").json().path("id").asString();
        TestHttp.Response response = admin.delete("/api/v1/admin-users/" + selfId);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void duplicateUsernameIsAConflict() {
        String username = unique("twice");
        createUser(username, PASSWORD, "readonly");
        TestHttp.Response again = as(adminToken()).postJson("/api/v1/admin-users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void invalidInputIsAValidationError() {
        TestHttp admin = as(adminToken());
        assertInvalid(admin.postJson("/api/v1/admin-users",
                "{\"username\":\"ab\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}"), "username");
        assertInvalid(admin.postJson("/api/v1/admin-users",
                "{\"username\":\"" + unique("short") + "\",\"password\":\"1234567\",\"role\":\"admin\"}"), "password");
        assertInvalid(admin.postJson("/api/v1/admin-users", "{\"username\":\"" + unique("mail")
                + "\",\"password\":\"" + PASSWORD + "\",\"email\":\"not-an-email\",\"role\":\"admin\"}"), "email");
        assertInvalid(admin.postJson("/api/v1/admin-users",
                "{\"username\":\"" + unique("role") + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"root\"}"), "role");
        assertInvalid(admin.postJson("/api/v1/admin-users",
                "{\"username\":\"" + unique("missing") + "\",\"password\":\"" + PASSWORD + "\"}"), "role");
        assertInvalid(admin.postJson("/api/v1/admin-users", "{\"username\":\"" + unique("extra")
                + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\",\"is_superuser\":true}"), "is_superuser");

        String id = createUser(unique("valid"), PASSWORD, "readonly").path("id").asString();
        assertInvalid(admin.putJson("/api/v1/admin-users/" + id, "{}"), "email");
        assertInvalid(admin.putJson("/api/v1/admin-users/" + id, "{\"email\":\"bad\"}"), "email");
        assertInvalid(admin.postJson("/api/v1/admin-users/" + id + "/reset-password", "{\"new_password\":\"short\"}"),
                "new_password");
        assertInvalid(admin.get("/api/v1/admin-users/not-a-uuid"), "id");
        assertInvalid(admin.get("/api/v1/admin-users?limit=0"), "limit");
        assertThat(admin.get("/api/v1/admin-users/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void commonPasswordsAreRefusedOnCreateResetAndChange() {
        TestHttp admin = as(adminToken());
        TestHttp.Response created = admin.postJson("/api/v1/admin-users",
                "{\"username\":\"" + unique("weak") + "\",\"password\":\"password\",\"role\":\"admin\"}");
        assertCommon(created, "password");
        assertCommon(admin.postJson("/api/v1/admin-users",
                "{\"username\":\"" + unique("weak") + "\",\"password\":\"Qwerty123\",\"role\":\"admin\"}"), "password");

        String username = unique("resettable");
        String id = createUser(username, PASSWORD, "readonly").path("id").asString();
        assertCommon(admin.postJson("/api/v1/admin-users/" + id + "/reset-password",
                "{\"new_password\":\"iloveyou\"}"), "new_password");
        assertCommon(as(loginToken(username, PASSWORD)).postJson("/api/v1/admin-auth/change-password",
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"password1\"}"), "new_password");
        assertThat(login(username, PASSWORD).status()).as("password unchanged").isEqualTo(200);
    }

    private static void assertCommon(TestHttp.Response response, String field) {
        assertInvalid(response, field);
        assertThat(response.json().path("error").path("message").asString())
                .isEqualTo(field + ": is one of the most commonly used passwords and easy to guess; choose another one");
    }

    @Test
    void serviceAccountsWithAdminScopesManageUsersToo() {
        String writer = serviceToken(createServiceAccount(unique("provisioner"), "[\"admin:read\",\"admin:write\"]"));
        String reader = serviceToken(createServiceAccount(unique("auditor"), "[\"admin:read\"]"));
        String other = serviceToken(createServiceAccount(unique("uploader"), "[\"files:write\"]"));

        TestHttp.Response created = as(writer).postJson("/api/v1/admin-users",
                "{\"username\":\"" + unique("by-sa") + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"readonly\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(as(reader).get("/api/v1/admin-users").status()).isEqualTo(200);
        assertForbidden(as(reader).delete("/api/v1/admin-users/" + created.json().path("id").asString()));
        assertForbidden(as(other).get("/api/v1/admin-users"));
    }

    private static void assertForbidden(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
    }

    private static void assertInvalid(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("message").asString()).contains(field);
    }
}
