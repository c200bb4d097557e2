package io.artstore.ui;

import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminUiApplicationSmokeIT {

    @LocalServerPort
    int port;

    @Test
    void startsAndAnswersHealthAndMetrics() {
        TestHttp http = TestHttp.to("http://127.0.0.1:" + port);
        assertThat(http.get("/health/live").json().path("service").asString()).isEqualTo("admin-ui");
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
        assertThat(http.get("/metrics").body()).contains("jvm_memory_used_bytes");
    }
}
