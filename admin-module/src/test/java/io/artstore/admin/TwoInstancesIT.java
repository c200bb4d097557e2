package io.artstore.admin;

import io.artstore.admin.support.AdminApiTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admin-module instances on one database behave as one: same active signing key,
 * tokens of one accepted by the other, one failed-login count and lock.
 */
class TwoInstancesIT extends AdminApiTest {

    @Autowired
    Environment environment;

    private ConfigurableApplicationContext second;

    @BeforeEach
    void startSecondInstance() {
        second = new SpringApplicationBuilder(AdminModuleApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--artstore.admin.users.init-admin-username=" + ADMIN,
                "--artstore.admin.users.init-admin-password=" + ADMIN_PASSWORD,
                "--artstore.admin.keys.cache-ttl=0s");
    }

    @AfterEach
    void stopSecondInstance() {
        second.close();
    }

    @Test
    void instancesShareKeysAndTokens() {
        TestHttp other = TestHttp.to("http://127.0.0.1:"
                + ((WebServerApplicationContext) second).getWebServer().getPort());
        TestHttp.Response rotation = as(adminToken()).postJson("/api/v1/jwt-keys/rotate", "");
        assertThat(rotation.status()).isEqualTo(200);
        String activeKid = rotation.json().path("new_key_id").asString();

        String tokenFromFirst = adminToken();
        TestHttp.Response secondLogin = other.postJson("/api/v1/admin-auth/login",
                "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(secondLogin.status()).isEqualTo(200);
        String tokenFromSecond = secondLogin.json().path("access_token").asString();

        assertThat(other.withToken(tokenFromFirst).get("/api/v1/jwt-keys/status").json().path("active_key_id").asString())
                .isEqualTo(activeKid);
        assertThat(as(tokenFromSecond).get("/api/v1/jwt-keys/status").json().path("active_key_id").asString())
                .isEqualTo(activeKid);
        assertThat(other.get("/api/v1/auth/jwks").json()).isEqualTo(http().get("/api/v1/auth/jwks").json());

        // only one initial admin although both instances started with the same settings
        JsonNode users = as(tokenFromSecond).get("/api/v1/admin-users?limit=1000").json();
        assertThat(users.path("items").findValuesAsString("username").stream().filter(ADMIN::equals)).hasSize(1);
    }

    @Test
    void instancesShareTheFailedLoginCountAndTheLock() {
        TestHttp other = TestHttp.to("http://127.0.0.1:"
                + ((WebServerApplicationContext) second).getWebServer().getPort());
        String username = unique("shared-lock");
        String id = createUser(username, "shared-password", "readonly").path("id").asString();
        String wrong = "{\"username\":\"" + username + "\",\"password\":\"wrong-password\"}";

        for (int i = 0; i < 3; i++) {
            assertThat(login(username, "wrong-password").status()).isEqualTo(401);
        }
        assertThat(other.postJson("/api/v1/admin-auth/login", wrong).status()).isEqualTo(401);
        TestHttp.Response fifth = other.postJson("/api/v1/admin-auth/login", wrong);
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(login(username, "shared-password").errorCode()).isEqualTo("ACCOUNT_LOCKED");

        TestHttp.Response unlock = other.withToken(adminToken()).postJson("/api/v1/admin-users/" + id + "/unlock", "");
        assertThat(unlock.status()).isEqualTo(204);
        assertThat(login(username, "shared-password").status()).isEqualTo(200);
    }
}
