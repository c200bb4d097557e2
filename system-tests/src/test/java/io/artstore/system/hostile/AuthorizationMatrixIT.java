package io.artstore.system.hostile;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.artstore.devstack.LocalStack;
import io.artstore.system.Clients;
import io.artstore.system.StackSupport;
import io.artstore.system.SystemStack;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mutating endpoint of admin-module, the storage element and the ingester, called by a
 * {@code readonly} admin user, by a genuine token with no scope at all and by a read-only
 * service account: 403 {@code FORBIDDEN}, and nothing changed.
 */
class AuthorizationMatrixIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final Clients CLIENTS = new Clients(STACK);
    private static String victimUserId;
    private static String victimAccountId;
    private static String seId;
    private static String fileId;
    private static JsonNode stateBefore;
    private static String readonlyToken;

    @BeforeAll
    static void setUp() {
        TestHttp admin = CLIENTS.admin();
        String name = "victim" + UUID.randomUUID().toString().substring(0, 6);
        victimUserId = admin.postJson("/api/v1/admin-users", StackSupport.JSON.writeValueAsString(Map.of("username", name,
                "password", "victim-pass-1", "role", "admin", "email", name + "@example.org"))).json().path("id").asString();
        victimAccountId = admin.postJson("/api/v1/service-accounts", StackSupport.JSON.writeValueAsString(Map.of(
                "name", "victim-" + name, "scopes", List.of("files:read")))).json().path("id").asString();
        seId = StackSupport.storageElementId(admin, STACK.seEditUrl());
        TestHttp.Response upload = Clients.upload(CLIENTS.ingester(CLIENTS.serviceToken("ingest")),
                Multipart.form().field("ttl_days", "2").field("description", "untouched")
                        .file("victim.txt", "text/plain", "victim".getBytes()));
        fileId = upload.json().path("file_id").asString();
        readonlyToken = readonlyToken();
        stateBefore = state();
    }

    /** What a successful forbidden call would have changed. */
    private static JsonNode state() {
        TestHttp admin = CLIENTS.admin();
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("user", admin.get("/api/v1/admin-users/" + victimUserId).json());
        state.put("users", admin.get("/api/v1/admin-users?limit=1").json().path("total"));
        state.put("account", admin.get("/api/v1/service-accounts/" + victimAccountId).json());
        state.put("accounts", admin.get("/api/v1/service-accounts?limit=1").json().path("total"));
        JsonNode se = admin.get("/api/v1/storage-elements/" + seId).json();
        state.put("se", Map.of("name", se.path("name").asString(), "url", se.path("url").asString(),
                "mode", se.path("mode").asString()));
        state.put("ses", admin.get("/api/v1/storage-elements?limit=1").json().path("total"));
        JsonNode file = admin.get("/api/v1/files/" + fileId).json();
        state.put("file", Map.of("status", file.path("status").asString(), "description", file.path("description").asString()));
        state.put("files", Hostile.registered(admin));
        state.put("key", admin.get("/api/v1/jwt-keys/status").json().path("active_key_id"));
        TestHttp se2 = CLIENTS.storageElement(STACK.seEditUrl(), CLIENTS.serviceToken("search"));
        JsonNode meta = se2.get("/api/v1/files/" + fileId).json();
        state.put("se_file", Map.of("status", meta.path("status").asString(), "description", meta.path("description").asString()));
        state.put("se_mode", TestHttp.to(STACK.seEditUrl(), STACK.certificates().httpClient()).get("/api/v1/info").json().path("mode"));
        state.put("on_disk", Hostile.onDisk());
        return StackSupport.JSON.valueToTree(state);
    }

    private static String readonlyToken() {
        TestHttp admin = CLIENTS.admin();
        String name = "ro" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.postJson("/api/v1/admin-users", StackSupport.JSON.writeValueAsString(Map.of("username", name,
                "password", "readonly-pass-1", "role", "readonly", "email", name + "@example.org"))).status()).isEqualTo(201);
        return TestHttp.to(STACK.adminUrl()).postJson("/api/v1/admin-auth/login", StackSupport.JSON.writeValueAsString(
                Map.of("username", name, "password", "readonly-pass-1"))).json().path("access_token").asString();
    }

    enum Caller { READONLY_USER, NO_SCOPE, READ_ONLY_SERVICE_ACCOUNT }

    private static String token(Caller caller) {
        return switch (caller) {
            case READONLY_USER -> readonlyToken;
            case NO_SCOPE -> ForgedTokens.of(STACK).valid();
            case READ_ONLY_SERVICE_ACCOUNT -> CLIENTS.serviceToken("search");
        };
    }

    /** method, service, path, JSON body (null: none; "multipart": a small upload). */
    static final List<String[]> ENDPOINTS = List.of(
            new String[]{"POST", "admin", "/api/v1/admin-users", "{\"username\":\"intruder\",\"password\":\"intruder-pass\",\"role\":\"admin\"}"},
            new String[]{"PUT", "admin", "/api/v1/admin-users/{user}", "{\"role\":\"readonly\"}"},
            new String[]{"DELETE", "admin", "/api/v1/admin-users/{user}", null},
            new String[]{"POST", "admin", "/api/v1/admin-users/{user}/reset-password", "{\"new_password\":\"hijacked-pass\"}"},
            new String[]{"POST", "admin", "/api/v1/admin-users/{user}/unlock", null},
            new String[]{"POST", "admin", "/api/v1/service-accounts", "{\"name\":\"intruder\",\"scopes\":[\"admin:write\"]}"},
            new String[]{"PUT", "admin", "/api/v1/service-accounts/{account}", "{\"scopes\":[\"admin:write\"]}"},
            new String[]{"DELETE", "admin", "/api/v1/service-accounts/{account}", null},
            new String[]{"POST", "admin", "/api/v1/service-accounts/{account}/rotate-secret", null},
            new String[]{"POST", "admin", "/api/v1/storage-elements", "{\"name\":\"evil\",\"url\":\"https://127.0.0.1:1\"}"},
            new String[]{"PUT", "admin", "/api/v1/storage-elements/{se}", "{\"name\":\"renamed\"}"},
            new String[]{"DELETE", "admin", "/api/v1/storage-elements/{se}", null},
            new String[]{"POST", "admin", "/api/v1/storage-elements/{se}/sync", null},
            new String[]{"POST", "admin", "/api/v1/storage-elements/{se}/mode", "{\"target_mode\":\"ro\"}"},
            new String[]{"POST", "admin", "/api/v1/files", "{\"file_id\":\"{newid}\",\"original_filename\":\"x\",\"content_type\":\"text/plain\",\"size\":1,\"checksum\":\"" + "a".repeat(64) + "\",\"retention_policy\":\"permanent\",\"storage_element_id\":\"{se}\",\"uploaded_by\":\"x\",\"uploaded_at\":\"2026-01-01T00:00:00Z\"}"},
            new String[]{"PUT", "admin", "/api/v1/files/{file}", "{\"description\":\"defaced\"}"},
            new String[]{"DELETE", "admin", "/api/v1/files/{file}", null},
            new String[]{"POST", "admin", "/api/v1/jwt-keys/rotate", null},
            new String[]{"POST", "se", "/api/v1/files/upload", "multipart"},
            new String[]{"PATCH", "se", "/api/v1/files/{file}", "{\"description\":\"defaced\"}"},
            new String[]{"DELETE", "se", "/api/v1/files/{file}", null},
            new String[]{"POST", "se", "/api/v1/mode/transition", "{\"target_mode\":\"ro\"}"},
            new String[]{"POST", "se", "/api/v1/maintenance/reconcile", null},
            new String[]{"POST", "se", "/api/v1/maintenance/scrub", null},
            new String[]{"POST", "ingester", "/api/v1/files/upload", "multipart"});

    static Stream<Arguments> matrix() {
        return Stream.of(Caller.values()).flatMap(caller -> ENDPOINTS.stream()
                .map(e -> Arguments.of(caller, e[0], e[1], e[2], e[3])));
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @MethodSource("matrix")
    void mutatingCallsWithoutTheRightAreForbidden(Caller caller, String method, String service, String path, String body) {
        String token = token(caller);
        String resolved = path.replace("{user}", victimUserId).replace("{account}", victimAccountId)
                .replace("{se}", seId).replace("{file}", fileId);
        TestHttp http = switch (service) {
            case "admin" -> TestHttp.to(STACK.adminUrl()).withToken(token);
            case "se" -> CLIENTS.storageElement(STACK.seEditUrl(), token);
            default -> CLIENTS.ingester(token);
        };
        HttpRequest.Builder request;
        if ("multipart".equals(body)) {
            Multipart form = Multipart.form().field("ttl_days", "1").file("intruder.txt", "text/plain", "intruder".getBytes());
            request = http.request(resolved).header("Content-Type", form.contentType()).method(method, form.publisher());
        } else if (body != null) {
            String json = body.replace("{newid}", UUID.randomUUID().toString()).replace("{se}", seId);
            request = http.request(resolved).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request = http.request(resolved).method(method, HttpRequest.BodyPublishers.noBody());
        }
        Hostile.assertError(http.send(request), 403, "FORBIDDEN");
        assertThat(state()).as("nothing changed").isEqualTo(stateBefore);
    }

    @AfterAll
    static void stackStillHealthy() {
        Hostile.assertStackHealthy(STACK);
    }
}
