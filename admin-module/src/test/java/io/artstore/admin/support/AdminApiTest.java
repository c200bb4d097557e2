package io.artstore.admin.support;

import java.util.UUID;

import io.artstore.testsupport.db.WithTestDatabase;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of admin-module HTTP tests: the whole application on a random port over a fresh
 * PostgreSQL database, with a movable clock. All subclasses share one application context,
 * so each test uses its own users and accounts (unique names) and resets the clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "artstore.admin.users.init-admin-username=" + AdminApiTest.ADMIN,
        "artstore.admin.users.init-admin-password=" + AdminApiTest.ADMIN_PASSWORD,
        "artstore.admin.keys.grace-period=10m"})
@WithTestDatabase
@Import(AdminApiTest.TestClock.class)
public abstract class AdminApiTest {

    public static final String ADMIN = "root-admin";
    public static final String ADMIN_PASSWORD = "initial-Secret-1";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    private String adminToken;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected TestHttp http() {
        return TestHttp.to(baseUrl());
    }

    protected TestHttp as(String token) {
        return http().withToken(token);
    }

    protected TestHttp.Response login(String username, String password) {
        return http().postJson("/api/v1/admin-auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    protected String loginToken(String username, String password) {
        TestHttp.Response response = login(username, password);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("access_token").asString();
    }

    /** A token of the initial admin, logged in once per test. */
    protected String adminToken() {
        if (adminToken == null) {
            adminToken = loginToken(ADMIN, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an admin user through the API; returns its JSON. */
    protected JsonNode createUser(String username, String password, String role) {
        TestHttp.Response response = as(adminToken()).postJson("/api/v1/admin-users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** Creates a service account through the API; returns its JSON including client_secret. */
    protected JsonNode createServiceAccount(String name, String scopesJson) {
        TestHttp.Response response = as(adminToken()).postJson("/api/v1/service-accounts",
                "{\"name\":\"" + name + "\",\"scopes\":" + scopesJson + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    protected TestHttp.Response contractToken(String clientId, String secret) {
        return http().postJson("/api/v1/auth/token",
                "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\"}");
    }

    protected String serviceToken(JsonNode account) {
        TestHttp.Response response = contractToken(account.path("client_id").asString(),
                account.path("client_secret").asString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("access_token").asString();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        MutableClock clock() {
            return MutableClock.system();
        }
    }
}
