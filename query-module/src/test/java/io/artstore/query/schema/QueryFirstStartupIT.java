package io.artstore.query.schema;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryContextInitializer;
import io.artstore.query.support.QueryTestDatabase;
import io.artstore.query.support.Registry;
import io.artstore.query.support.RegistryFile;
import io.artstore.query.support.TestServiceAccount;
import io.artstore.testsupport.db.TestDatabase;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * query-module started before admin-module has migrated: it comes up, reports "waiting for
 * admin-module schema" as not ready, refuses API calls with 503, and migrates by itself as soon
 * as admin-module's tables appear (all of them: the tables of an admin-module before file copies
 * are not enough).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "artstore.test.suite=query-first")
@ContextConfiguration(initializers = QueryContextInitializer.QueryFirst.class)
@Import(TestServiceAccount.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class QueryFirstStartupIT {

    private final QueryApi api;
    private final TestDatabase database;
    private final JdbcTemplate jdbc;

    QueryFirstStartupIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, TestDatabase testDatabase,
                        JdbcTemplate jdbc) {
        this.api = new QueryApi(port, testTokenIssuer);
        this.database = testDatabase;
        this.jdbc = jdbc;
    }

    @Test
    void waitsForAdminSchemaThenMigratesAndServes() {
        TestHttp.Response waiting = api.anonymous().get("/health/ready");
        assertThat(waiting.status()).isEqualTo(503);
        assertThat(waiting.json().path("status").asString()).isEqualTo("fail");
        assertThat(waiting.json().path("checks").path("postgresql").path("status").asString()).isEqualTo("fail");
        assertThat(waiting.json().path("checks").path("postgresql").path("message").asString())
                .contains("waiting for admin-module schema");
        assertThat(api.anonymous().get("/health/live").status()).isEqualTo(200);

        TestHttp.Response search = api.search("{}");
        assertThat(search.status()).isEqualTo(503);
        assertThat(search.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(search.json().path("error").path("message").asString()).contains("waiting for admin-module schema");
        assertThat(api.reader().get("/api/v1/files/" + UUID.randomUUID()).status()).isEqualTo(503);
        assertThat(api.reader().get("/api/v1/files/" + UUID.randomUUID() + "/download").status()).isEqualTo(503);
        assertThat(jdbc.queryForObject("SELECT to_regclass('flyway_query_history') IS NULL", Boolean.class)).isTrue();

        // an admin-module from before file copies (V14): downloads need file_copies, so query keeps waiting
        QueryTestDatabase.migrateAdminSchema(database, "13");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.anonymous().get("/health/ready").json().path("checks").path("postgresql").path("message")
                        .asString()).contains("waiting for admin-module schema").contains("file_copies"));
        assertThat(jdbc.queryForObject("SELECT to_regclass('flyway_query_history') IS NULL", Boolean.class)).isTrue();

        QueryTestDatabase.migrateAdminSchema(database);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.anonymous().get("/health/ready").status() == 200);
        TestHttp.Response ready = api.anonymous().get("/health/ready");
        assertThat(ready.json().path("checks").path("postgresql").path("message").asString())
                .contains("search schema ready");

        Registry registry = new Registry(jdbc);
        UUID se = registry.addStorageElement("se", "http://127.0.0.1:1");
        RegistryFile file = RegistryFile.active(se, "Инструкция_по_эксплуатации.pdf", "Руководство пользователя",
                "manual");
        registry.insert(file);
        TestHttp.Response found = api.search("{\"mode\":\"fulltext\",\"query\":\"руководства\"}");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("items").get(0).path("file_id").asString()).isEqualTo(file.fileId().toString());
        assertThat(api.reader().get("/api/v1/files/" + file.fileId()).status()).isEqualTo(200);

        List<String> queryVersions = jdbc.queryForList(
                "SELECT version FROM flyway_query_history WHERE success ORDER BY installed_rank", String.class);
        assertThat(queryVersions).containsExactly("0", "1", "2", "3", "4", "5", "6");
        List<String> adminVersions = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);
        assertThat(adminVersions).as("admin-module history untouched by query").contains("10").doesNotContain("0", "2");
    }
}
