package io.artstore.devstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.artstore.testsupport.http.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings a fresh (or restarted) admin-module into the state the local stack needs, through
 * its public API only: the service accounts of the ingester and query services plus two for
 * people trying the stack (ingest, search), and every storage element registered with its
 * site label. Every step checks first, so restarts change nothing that is already there.
 */
final class AdminBootstrap {

    /** A service account the stack needs: its name and scopes. */
    record Account(String name, List<String> scopes) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("ingester-module", List.of("files:write", "storage:read")),
            new Account("query-module", List.of("files:read", "storage:read")),
            new Account("ingest", List.of("files:write")),
            new Account("search", List.of("files:read")));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestHttp admin;
    private final Credentials credentials;

    private AdminBootstrap(TestHttp admin, Credentials credentials) {
        this.admin = admin;
        this.credentials = credentials;
    }

    static AdminBootstrap login(String adminUrl, Credentials credentials) {
        String body = JSON.writeValueAsString(Map.of("username", credentials.adminUsername(),
                "password", credentials.adminPassword()));
        TestHttp.Response login = TestHttp.to(adminUrl).postJson("/api/v1/admin-auth/login", body);
        // On a first start the initial admin appears moments after the service reports ready.
        for (int attempt = 0; login.status() == 401 && attempt < 20; attempt++) {
            sleep();
            login = TestHttp.to(adminUrl).postJson("/api/v1/admin-auth/login", body);
        }
        if (login.status() != 200) {
            throw new IllegalStateException("Cannot log in to admin-module as " + credentials.adminUsername()
                    + " (HTTP " + login.status() + ": " + login.body() + "). If the database was created with another"
                    + " password, delete the data directory or fix credentials.json.");
        }
        return new AdminBootstrap(TestHttp.to(adminUrl).withToken(login.json().path("access_token").asString()), credentials);
    }

    /** Creates missing service accounts; gives existing ones whose secret we lost a new secret. */
    void ensureServiceAccounts() {
        JsonNode existing = ok(admin.get("/api/v1/service-accounts?limit=1000"), "list service accounts").path("items");
        for (Account account : ACCOUNTS) {
            JsonNode found = null;
            for (JsonNode item : existing) {
                if (account.name().equals(item.path("name").asString())) {
                    found = item;
                }
            }
            Credentials.Client known = credentials.client(account.name());
            if (found != null && known != null && known.clientId().equals(found.path("client_id").asString())) {
                continue;
            }
            // secret_expiration_days 0: the stack's own accounts never expire, so ingest and search
            // never stop on their own. A rotation names the account: one that was in use within the
            // last 24 hours (a running ingester) is rotated only with its name confirmed.
            JsonNode created = found == null
                    ? ok(admin.postJson("/api/v1/service-accounts", JSON.writeValueAsString(Map.of(
                    "name", account.name(), "scopes", account.scopes(), "secret_expiration_days", 0))),
                    "create service account " + account.name())
                    : ok(admin.postJson("/api/v1/service-accounts/" + found.path("id").asString()
                            + "/rotate-secret?confirm_name=" + URLEncoder.encode(account.name(), StandardCharsets.UTF_8),
                            "{}"), "rotate the secret of " + account.name());
            credentials.put(account.name(), new Credentials.Client(created.path("client_id").asString(),
                    created.path("client_secret").asString()));
        }
    }

    /**
     * Registers each storage element whose URL admin-module does not know yet, with its site
     * label. A known one whose registry view shows another site (registered by a stack from
     * before site labels, whose effective site is its own id) gets its label set; a registry
     * that shows no site at all is left as it is.
     */
    void ensureStorageElements(List<LocalStack.StorageElement> storageElements) {
        JsonNode existing = ok(admin.get("/api/v1/storage-elements?limit=1000"), "list storage elements").path("items");
        for (LocalStack.StorageElement se : storageElements) {
            JsonNode found = null;
            for (JsonNode item : existing) {
                if (se.url().equals(item.path("url").asString())) {
                    found = item;
                }
            }
            if (found == null) {
                ok(admin.postJson("/api/v1/storage-elements", JSON.writeValueAsString(Map.of(
                        "name", se.name(), "url", se.url(), "site", se.site()))), "register storage element " + se.url());
            } else if (found.has("site") && !se.site().equals(found.path("site").asString())) {
                ok(admin.patchJson("/api/v1/storage-elements/" + found.path("id").asString(),
                        JSON.writeValueAsString(Map.of("site", se.site()))), "set the site of storage element " + se.url());
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode ok(TestHttp.Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("admin-module refused to " + what + ": HTTP " + response.status() + " "
                    + response.body());
        }
        return response.bytes().length == 0 ? JSON.createObjectNode() : response.json();
    }
}
