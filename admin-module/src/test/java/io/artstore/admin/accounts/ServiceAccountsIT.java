package io.artstore.admin.accounts;

import java.time.Instant;

import io.artstore.admin.support.AdminApiTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service-account endpoint as admin (allowed), as readonly (reads only) and with bad input. */
class ServiceAccountsIT extends AdminApiTest {

    @Test
    void adminManagesServiceAccountsThroughEveryEndpoint() {
        TestHttp admin = as(adminToken());
        String name = unique("Ingester Main");

        TestHttp.Response created = admin.postJson("/api/v1/service-accounts", "{\"name\":\"" + name
                + "\",\"description\":\"uploads\",\"scopes\":[\"files:write\",\"storage:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json();
        String id = account.path("id").asString();
        assertThat(account.path("client_id").asString()).matches(ClientIds.FORMAT)
                .startsWith("sa_" + name.toLowerCase().replace(' ', '-') + "_");
        assertThat(account.path("client_secret").asString()).startsWith("cs_");
        assertThat(account.path("status").asString()).isEqualTo("active");
        assertThat(account.path("description").asString()).isEqualTo("uploads");
        assertThat(Instant.parse(account.path("secret_expires_at").asString()))
                .isBetween(Instant.now().plusSeconds(89L * 86_400), Instant.now().plusSeconds(91L * 86_400));

        TestHttp.Response got = admin.get("/api/v1/service-accounts/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("client_id").asString()).isEqualTo(account.path("client_id").asString());
        assertThat(got.json().has("client_secret")).isFalse();
        assertThat(got.json().has("secret_hash")).isFalse();

        TestHttp.Response list = admin.get("/api/v1/service-accounts?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").findValuesAsString("id")).contains(id);
        assertThat(list.body()).doesNotContain("client_secret", account.path("client_secret").asString(), "secret_hash");

        TestHttp.Response updated = admin.putJson("/api/v1/service-accounts/" + id,
                "{\"description\":\"renamed\",\"scopes\":[\"files:read\"],\"status\":\"suspended\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("description").asString()).isEqualTo("renamed");
        assertThat(updated.json().path("scopes").get(0).asString()).isEqualTo("files:read");
        assertThat(updated.json().path("status").asString()).isEqualTo("suspended");
        assertThat(updated.json().path("client_id").asString()).isEqualTo(account.path("client_id").asString());

        assertThat(admin.get("/api/v1/service-accounts?status=suspended&limit=1000").json().path("items")
                .findValuesAsString("id")).contains(id);
        assertThat(admin.get("/api/v1/service-accounts?status=active&limit=1000").json().path("items")
                .findValuesAsString("id")).doesNotContain(id);

        TestHttp.Response rotated = admin.postJson("/api/v1/service-accounts/" + id + "/rotate-secret", "");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().path("client_secret").asString()).startsWith("cs_");

        assertThat(admin.delete("/api/v1/service-accounts/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/service-accounts/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/service-accounts/" + id).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(admin.postJson("/api/v1/service-accounts/" + id + "/rotate-secret", "").status()).isEqualTo(404);
        assertThat(contractToken(account.path("client_id").asString(), rotated.json().path("client_secret").asString())
                .errorCode()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void secretExpirationDaysZeroMeansNever() {
        TestHttp.Response created = as(adminToken()).postJson("/api/v1/service-accounts",
                "{\"name\":\"" + unique("forever") + "\",\"scopes\":[\"files:read\"],\"secret_expiration_days\":0}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("secret_expires_at").isNull()).isTrue();
        TestHttp.Response rotated = as(adminToken()).postJson(
                "/api/v1/service-accounts/" + created.json().path("id").asString() + "/rotate-secret", "");
        assertThat(rotated.json().path("secret_expires_at").isNull()).isTrue();
    }

    @Test
    void readonlyReadsButCannotChangeAnything() {
        String viewer = unique("sa-viewer");
        createUser(viewer, "viewer-password", "readonly");
        String id = createServiceAccount(unique("target"), "[\"files:read\"]").path("id").asString();
        TestHttp readonly = as(loginToken(viewer, "viewer-password"));

        assertThat(readonly.get("/api/v1/service-accounts").status()).isEqualTo(200);
        assertThat(readonly.get("/api/v1/service-accounts/" + id).status()).isEqualTo(200);
        assertThat(readonly.get("/api/v1/jwt-keys/status").status()).isEqualTo(200);
        assertForbidden(readonly.postJson("/api/v1/service-accounts", "{\"name\":\"" + unique("x")
                + "\",\"scopes\":[\"files:read\"]}"));
        assertForbidden(readonly.putJson("/api/v1/service-accounts/" + id, "{\"status\":\"suspended\"}"));
        assertForbidden(readonly.delete("/api/v1/service-accounts/" + id));
        assertForbidden(readonly.postJson("/api/v1/service-accounts/" + id + "/rotate-secret", ""));
        assertForbidden(readonly.postJson("/api/v1/jwt-keys/rotate", ""));
        assertThat(as(adminToken()).get("/api/v1/service-accounts/" + id).json().path("status").asString())
                .isEqualTo("active");
    }

    @Test
    void duplicateNameIsAConflict() {
        String name = unique("dup");
        createServiceAccount(name, "[\"files:read\"]");
        TestHttp.Response again = as(adminToken()).postJson("/api/v1/service-accounts",
                "{\"name\":\"" + name + "\",\"scopes\":[\"files:read\"]}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");

        String other = createServiceAccount(unique("other"), "[\"files:read\"]").path("id").asString();
        TestHttp.Response rename = as(adminToken()).putJson("/api/v1/service-accounts/" + other,
                "{\"name\":\"" + name + "\"}");
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void invalidInputIsAValidationError() {
        TestHttp admin = as(adminToken());
        assertInvalid(admin.postJson("/api/v1/service-accounts", "{\"name\":\"" + unique("s")
                + "\",\"scopes\":[\"files:delete\"]}"), "scope");
        assertInvalid(admin.postJson("/api/v1/service-accounts", "{\"name\":\"x\",\"scopes\":[\"files:read\"]}"), "name");
        assertInvalid(admin.postJson("/api/v1/service-accounts", "{\"name\":\"" + unique("s") + "\",\"scopes\":[]}"),
                "scopes");
        assertInvalid(admin.postJson("/api/v1/service-accounts", "{\"name\":\"" + unique("s")
                + "\",\"scopes\":[\"files:read\"],\"secret_expiration_days\":3651}"), "secret_expiration_days");
        assertInvalid(admin.postJson("/api/v1/service-accounts", "{\"name\":\"" + unique("s")
                + "\",\"scopes\":[\"files:read\"],\"client_secret\":\"mine\"}"), "client_secret");
        assertInvalid(admin.get("/api/v1/service-accounts?status=deleted"), "status");

        String id = createServiceAccount(unique("valid"), "[\"files:read\"]").path("id").asString();
        assertInvalid(admin.putJson("/api/v1/service-accounts/" + id, "{}"), "name");
        assertInvalid(admin.putJson("/api/v1/service-accounts/" + id, "{\"status\":\"gone\"}"), "status");
        assertInvalid(admin.putJson("/api/v1/service-accounts/" + id, "{\"scopes\":[\"root\"]}"), "scope");
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
