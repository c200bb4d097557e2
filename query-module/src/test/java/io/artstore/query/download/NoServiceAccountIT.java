package io.artstore.query.download;

import java.util.UUID;

import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryContextInitializer;
import io.artstore.query.support.Registry;
import io.artstore.query.support.RegistryFile;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a service account configured, query-module starts; search and metadata work, downloads answer 502. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "artstore.test.suite=no-service-account")
@ContextConfiguration(initializers = QueryContextInitializer.WithoutServiceAccount.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class NoServiceAccountIT {

    private final QueryApi api;
    private final Registry registry;

    NoServiceAccountIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc) {
        this.api = new QueryApi(port, testTokenIssuer);
        this.registry = new Registry(jdbc);
    }

    @Test
    void searchAndMetadataWorkDownloadsSayWhyTheyCannot() {
        UUID se = registry.addStorageElement("se", "http://127.0.0.1:1");
        RegistryFile file = RegistryFile.active(se, "plan.pdf", null);
        registry.insert(file);
        assertThat(api.anonymous().get("/health/ready").status()).isEqualTo(200);
        assertThat(api.search("{\"query\":\"plan\"}").json().path("total").asInt()).isEqualTo(1);
        assertThat(api.reader().get("/api/v1/files/" + file.fileId()).status()).isEqualTo(200);
        TestHttp.Response download = api.reader().get("/api/v1/files/" + file.fileId() + "/download");
        assertThat(download.status()).isEqualTo(502);
        assertThat(download.errorCode()).isEqualTo("SE_UNAVAILABLE");
        assertThat(download.json().path("error").path("message").asString()).contains("no service account");
    }
}
