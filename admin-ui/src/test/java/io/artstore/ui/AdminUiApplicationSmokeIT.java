package io.artstore.ui;

import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI starts without admin-module: health and metrics are open, readiness reports the
 * missing admin-module, pages need a login, assets come from the app itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "artstore.ui.admin-url=http://127.0.0.1:9")
class AdminUiApplicationSmokeIT {

    @LocalServerPort
    int port;

    @Test
    void startsAndAnswersHealthAndMetrics() {
        TestHttp http = TestHttp.to("http://127.0.0.1:" + port);
        assertThat(http.get("/health/live").json().path("service").asString()).isEqualTo("admin-ui");
        TestHttp.Response ready = http.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("checks").path("adminModule").path("status").asString()).isEqualTo("fail");
        assertThat(http.get("/metrics").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void pagesNeedALoginAndAssetsAreServedByTheApp() {
        TestHttp http = TestHttp.to("http://127.0.0.1:" + port);
        TestHttp.Response dashboard = http.get("/");
        assertThat(dashboard.status()).isEqualTo(302);
        assertThat(dashboard.header("Location")).endsWith("/login");
        TestHttp.Response login = http.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"").doesNotContain("https://").doesNotContain("http://");
        assertThat(login.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(http.get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
        assertThat(http.get("/css/app.css").status()).isEqualTo(200);
        assertThat(http.get("/js/app.js").status()).isEqualTo(200);
        // a login POST without CSRF token is refused
        assertThat(http.send(http.request("/login", "Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=a&password=b"))).status()).isEqualTo(403);
        TestHttp.Response missing = http.get("/no-such-page", "Accept", "application/json");
        assertThat(missing.status()).isEqualTo(302);
    }
}
