package io.artstore.system.hostile;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.artstore.devstack.LocalPostgres;
import io.artstore.devstack.LocalStack;
import io.artstore.system.Clients;
import io.artstore.system.StackSupport;
import io.artstore.system.SystemStack;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force against admin login, with a second admin-module replica on the same database:
 * the failure count and the lock live in PostgreSQL, so a lock earned on replica A holds on
 * replica B (423 {@code ACCOUNT_LOCKED} even for the right password) until an admin unlocks.
 */
class LoginLockoutIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final Clients CLIENTS = new Clients(STACK);
    private static ProcessRunner replicaB;
    private static String replicaBUrl;

    @BeforeAll
    static void startSecondReplica() {
        int port = ProcessRunner.freePort();
        int dbPort = URI.create(STACK.jdbcUrl().substring("jdbc:".length())).getPort();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("AM_PORT", port);
        env.put("AM_DB_HOST", "127.0.0.1");
        env.put("AM_DB_PORT", dbPort);
        env.put("AM_DB_NAME", LocalPostgres.DATABASE);
        env.put("AM_DB_USER", LocalPostgres.USER);
        env.put("AM_DB_PASSWORD", LocalPostgres.PASSWORD);
        env.put("AM_JWT_ISSUER", STACK.adminUrl());
        env.put("AM_INIT_ADMIN_USERNAME", STACK.credentials().adminUsername());
        env.put("AM_INIT_ADMIN_PASSWORD", STACK.credentials().adminPassword());
        env.put("AM_SE_CA_CERT_PATH", STACK.certificates().caCert());
        env.put("AM_SYNC_INTERVAL", "24h");
        env.put("AM_LOG_FORMAT", "text");
        replicaBUrl = "http://127.0.0.1:" + port;
        replicaB = ProcessRunner.jar(ProcessRunner.findJar(Path.of("admin-module/target"), "admin-module-"))
                .env(env)
                .jvmArgs("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .log(SystemStack.dataDir().resolve("logs").resolve("admin-module-replica-b.log"))
                .start()
                .awaitHealthy(URI.create(replicaBUrl + "/health/ready"), Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopSecondReplica() {
        if (replicaB != null) {
            replicaB.stop();
        }
        Hostile.assertStackHealthy(STACK);
    }

    private static String newUser() {
        String name = "brute" + UUID.randomUUID().toString().substring(0, 6);
        TestHttp.Response created = CLIENTS.admin().postJson("/api/v1/admin-users", StackSupport.JSON.writeValueAsString(
                Map.of("username", name, "password", "correct-horse-1", "role", "readonly", "email", name + "@example.org")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static TestHttp.Response login(String baseUrl, String user, String password) {
        return TestHttp.to(baseUrl).postJson("/api/v1/admin-auth/login",
                StackSupport.JSON.writeValueAsString(Map.of("username", user, "password", password)));
    }

    @Test
    void aLockEarnedOnOneReplicaHoldsOnTheOther() {
        String user = newUser();
        for (int i = 1; i <= 4; i++) {
            Hostile.assertError(login(STACK.adminUrl(), user, "wrong-password-" + i), 401, "INVALID_CREDENTIALS");
        }
        Hostile.assertError(login(STACK.adminUrl(), user, "wrong-password-5"), 423, "ACCOUNT_LOCKED");

        Hostile.assertError(login(replicaBUrl, user, "correct-horse-1"), 423, "ACCOUNT_LOCKED");
        Hostile.assertError(login(STACK.adminUrl(), user, "correct-horse-1"), 423, "ACCOUNT_LOCKED");

        TestHttp adminOnB = TestHttp.to(replicaBUrl).withToken(CLIENTS.adminToken());
        String id = null;
        for (var item : adminOnB.get("/api/v1/admin-users?limit=1000").json().path("items")) {
            if (user.equals(item.path("username").asString())) {
                id = item.path("id").asString();
            }
        }
        assertThat(adminOnB.postJson("/api/v1/admin-users/" + id + "/unlock", "").status()).isEqualTo(204);
        assertThat(login(STACK.adminUrl(), user, "correct-horse-1").status()).isEqualTo(200);
    }

    @Test
    void failuresSpreadOverBothReplicasCountTogether() {
        String user = newUser();
        for (int i = 1; i <= 4; i++) {
            String replica = i % 2 == 0 ? STACK.adminUrl() : replicaBUrl;
            Hostile.assertError(login(replica, user, "guess-" + i), 401, "INVALID_CREDENTIALS");
        }
        Hostile.assertError(login(replicaBUrl, user, "guess-5"), 423, "ACCOUNT_LOCKED");
        Hostile.assertError(login(STACK.adminUrl(), user, "correct-horse-1"), 423, "ACCOUNT_LOCKED");
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() {
        for (int i = 0; i < 8; i++) {
            Hostile.assertError(login(i % 2 == 0 ? STACK.adminUrl() : replicaBUrl, "nobody-" + UUID.randomUUID(), "x-password"),
                    401, "INVALID_CREDENTIALS");
        }
    }
}
