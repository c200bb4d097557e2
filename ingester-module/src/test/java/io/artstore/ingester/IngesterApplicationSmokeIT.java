package io.artstore.ingester;

import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Without admin-module the ingester runs but is not ready, and says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"artstore.clients.admin-url=http://127.0.0.1:9", "artstore.clients.admin-timeout=1s"})
class IngesterApplicationSmokeIT {

    @LocalServerPort
    int port;

    @Test
    void isLiveButNotReadyWithoutAdminModule() {
        TestHttp http = TestHttp.to("http://127.0.0.1:" + port);
        assertThat(http.get("/health/live").json().path("service").asString()).isEqualTo("ingester-module");
        TestHttp.Response ready = http.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("checks").path("storage").path("status").asString()).isEqualTo("fail");
        assertThat(http.get("/metrics").body()).contains("ingester_active_uploads");
    }
}
