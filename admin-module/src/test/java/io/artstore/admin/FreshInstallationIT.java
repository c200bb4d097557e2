package io.artstore.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.artstore.testsupport.db.TestDatabase;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation from scratch: the first start on an empty database creates the initial
 * admin with a generated password, logged once; after a restart the admin, service
 * accounts, refresh tokens and the signing key are all still there. The last admin can be
 * neither demoted nor deleted.
 */
@ExtendWith(OutputCaptureExtension.class)
class FreshInstallationIT {

    private static final Pattern GENERATED =
            Pattern.compile("Created initial admin 'admin' with generated password: (\\S+)");

    @Test
    void firstStartCreatesTheInitialAdminAndEverythingSurvivesARestart(CapturedOutput output) {
        TestDatabase database = TestDatabase.create();
        String[] args = {
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()};

        String password;
        String keyId;
        JsonNode account;
        String refreshToken;
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(AdminModuleApplication.class).run(args)) {
            Matcher matcher = GENERATED.matcher(output.getOut());
            assertThat(matcher.find()).as("generated password is logged").isTrue();
            password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);

            TestHttp http = http(first);
            JsonNode login = http.postJson("/api/v1/admin-auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + password + "\"}").json();
            refreshToken = login.path("refresh_token").asString();
            TestHttp.Response created = http.withToken(login.path("access_token").asString()).postJson(
                    "/api/v1/service-accounts", "{\"name\":\"survivor\",\"scopes\":[\"files:read\"]}");
            assertThat(created.status()).isEqualTo(201);
            account = created.json();
            keyId = http.get("/api/v1/auth/jwks").json().path("keys").get(0).path("kid").asString();
        }

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AdminModuleApplication.class).run(args)) {
            TestHttp http = http(second);
            assertThat(http.postJson("/api/v1/admin-auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + password + "\"}").status()).isEqualTo(200);
            assertThat(http.postJson("/api/v1/admin-auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}")
                    .status()).isEqualTo(200);
            assertThat(http.postJson("/api/v1/auth/token", "{\"client_id\":\"" + account.path("client_id").asString()
                    + "\",\"client_secret\":\"" + account.path("client_secret").asString() + "\"}").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/auth/jwks").json().path("keys").findValuesAsString("kid")).containsExactly(keyId);
        }
        Matcher all = GENERATED.matcher(output.getOut());
        int logged = 0;
        while (all.find()) {
            logged++;
        }
        assertThat(logged).as("the generated password is logged only on the first start").isEqualTo(1);
        assertThat(output.getOut()).doesNotContain(account.path("client_secret").asString());
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorDeleted() {
        TestDatabase database = TestDatabase.create();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AdminModuleApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--artstore.admin.users.init-admin-password=only-admin-pw")) {
            TestHttp http = http(app);
            TestHttp admin = http.withToken(http.postJson("/api/v1/admin-auth/login",
                    "{\"username\":\"admin\",\"password\":\"only-admin-pw\"}").json().path("access_token").asString());
            String adminId = admin.get("/api/v1/admin-auth/me").json().path("id").asString();

            TestHttp.Response demote = admin.putJson("/api/v1/admin-users/" + adminId, "{\"role\":\"readonly\"}");
            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.errorCode()).isEqualTo("CONFLICT");

            JsonNode robot = admin.postJson("/api/v1/service-accounts",
                    "{\"name\":\"provisioner\",\"scopes\":[\"admin:read\",\"admin:write\"]}").json();
            TestHttp provisioner = http.withToken(http.postJson("/api/v1/auth/token", "{\"client_id\":\""
                    + robot.path("client_id").asString() + "\",\"client_secret\":\""
                    + robot.path("client_secret").asString() + "\"}").json().path("access_token").asString());
            assertThat(provisioner.delete("/api/v1/admin-users/" + adminId).errorCode()).isEqualTo("CONFLICT");

            String secondId = admin.postJson("/api/v1/admin-users",
                    "{\"username\":\"second\",\"password\":\"second-admin-pw\",\"role\":\"admin\"}")
                    .json().path("id").asString();
            assertThat(admin.putJson("/api/v1/admin-users/" + adminId, "{\"role\":\"readonly\"}").status())
                    .isEqualTo(200);
            assertThat(provisioner.delete("/api/v1/admin-users/" + secondId).errorCode()).isEqualTo("CONFLICT");
        }
    }

    private static TestHttp http(ConfigurableApplicationContext context) {
        return TestHttp.to("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
