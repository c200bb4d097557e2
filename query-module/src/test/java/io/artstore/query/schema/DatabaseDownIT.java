package io.artstore.query.schema;

import java.util.UUID;

import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryContextInitializer;
import io.artstore.query.support.TestServiceAccount;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL unreachable: query-module still starts, is not ready, and answers 503 instead of 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "artstore.test.suite=database-down")
@ContextConfiguration(initializers = QueryContextInitializer.DatabaseDown.class)
@Import(TestServiceAccount.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DatabaseDownIT {

    private final QueryApi api;

    DatabaseDownIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer) {
        this.api = new QueryApi(port, testTokenIssuer);
    }

    @Test
    void notReadyAndServiceUnavailable() {
        assertThat(api.anonymous().get("/health/live").status()).isEqualTo(200);
        TestHttp.Response ready = api.anonymous().get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("checks").path("postgresql").path("message").asString())
                .isEqualTo("PostgreSQL is unreachable");

        TestHttp.Response search = api.search("{}");
        assertThat(search.status()).isEqualTo(503);
        assertThat(search.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(search.body()).doesNotContain("jdbc").doesNotContain("127.0.0.1");
        assertThat(api.reader().get("/api/v1/files/" + UUID.randomUUID()).status()).isEqualTo(503);
    }
}
