package io.artstore.system.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets — client secrets, passwords, access and refresh tokens — never appear in any
 * service's log, nor in list or detail responses after the one-time display.
 */
class SecretsIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final Clients CLIENTS = new Clients(STACK);

    private static String allLogs() {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> logs = Files.list(SystemStack.dataDir().resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                text.append(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    @Test
    void secretsAreShownOnceAndNeverLoggedOrListed() {
        TestHttp admin = CLIENTS.admin();
        List<String> secrets = new ArrayList<>();
        secrets.add(STACK.credentials().adminPassword());
        for (String account : List.of("ingest", "search", "ingester-module", "query-module")) {
            secrets.add(STACK.credentials().client(account).clientSecret());
        }

        String name = "secret-" + UUID.randomUUID().toString().substring(0, 6);
        TestHttp.Response created = admin.postJson("/api/v1/service-accounts", StackSupport.JSON.writeValueAsString(
                Map.of("name", name, "scopes", List.of("files:read"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String accountId = created.json().path("id").asString();
        String clientId = created.json().path("client_id").asString();
        String secret = created.json().path("client_secret").asString();
        assertThat(secret).isNotBlank();
        secrets.add(secret);

        TestHttp.Response rotated = admin.postJson("/api/v1/service-accounts/" + accountId + "/rotate-secret", "");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().path("client_secret").asString();
        secrets.add(newSecret);

        TestHttp.Response token = TestHttp.to(STACK.adminUrl()).postJson("/api/v1/auth/token", StackSupport.JSON
                .writeValueAsString(Map.of("client_id", clientId, "client_secret", newSecret)));
        assertThat(token.status()).isEqualTo(200);
        secrets.add(token.json().path("access_token").asString());
        TestHttp.Response oldSecret = TestHttp.to(STACK.adminUrl()).postJson("/api/v1/auth/token", StackSupport.JSON
                .writeValueAsString(Map.of("client_id", clientId, "client_secret", secret)));
        Hostile.assertError(oldSecret, 401, "INVALID_CREDENTIALS");

        String user = "sec" + UUID.randomUUID().toString().substring(0, 6);
        String password = "Pw-" + UUID.randomUUID();
        secrets.add(password);
        assertThat(admin.postJson("/api/v1/admin-users", StackSupport.JSON.writeValueAsString(Map.of("username", user,
                "password", password, "role", "readonly", "email", user + "@example.org"))).status()).isEqualTo(201);
        TestHttp.Response login = TestHttp.to(STACK.adminUrl()).postJson("/api/v1/admin-auth/login",
                StackSupport.JSON.writeValueAsString(Map.of("username", user, "password", password)));
        assertThat(login.status()).isEqualTo(200);
        secrets.add(login.json().path("access_token").asString());
        secrets.add(login.json().path("refresh_token").asString());
        String wrongPassword = "Wrong-" + UUID.randomUUID();
        secrets.add(wrongPassword);
        TestHttp.to(STACK.adminUrl()).postJson("/api/v1/admin-auth/login",
                StackSupport.JSON.writeValueAsString(Map.of("username", user, "password", wrongPassword)));
        String adminToken = CLIENTS.adminToken();
        secrets.add(adminToken);
        // tokens travel through every service
        Clients.upload(CLIENTS.ingester(secrets.get(secrets.size() - 1)), Multipart.form().field("ttl_days", "1")
                .file("secret-probe.txt", "text/plain", "probe".getBytes()));
        CLIENTS.query(login.json().path("access_token").asString()).postJson("/api/v1/search", "{}");

        for (String path : List.of("/api/v1/service-accounts?limit=1000", "/api/v1/service-accounts/" + accountId,
                "/api/v1/admin-users?limit=1000")) {
            String body = admin.get(path).body();
            assertThat(body).as(path).doesNotContain("client_secret", "secret_hash", "password_hash", "{bcrypt}", "$2a$",
                    "{argon2}", "$argon2");
            for (String value : secrets) {
                assertThat(body).as(path).doesNotContain(value);
            }
        }

        String logs = allLogs();
        assertThat(logs).as("logs were written").isNotEmpty();
        for (String value : secrets) {
            assertThat(logs.contains(value)).as("a secret of length %d in the logs", value.length()).isFalse();
        }
    }

    @AfterAll
    static void stackStillHealthy() {
        Hostile.assertStackHealthy(STACK);
    }
}
