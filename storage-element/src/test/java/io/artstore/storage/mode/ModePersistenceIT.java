package io.artstore.storage.mode;

import java.nio.file.Path;

import io.artstore.storage.StorageElementApplication;
import io.artstore.storage.support.SeTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The mode and the files survive a restart; SE_MODE only applies while no mode.json exists. */
class ModePersistenceIT {

    @Test
    void modeAndIndexSurviveRestart() {
        Path data = SeTest.tempDir("se-persist-data");
        Path wal = SeTest.tempDir("se-persist-wal");
        String id;
        try (ConfigurableApplicationContext first = start(data, wal, "rw")) {
            TestHttp http = SeTest.client(port(first));
            id = SeTest.upload(http, "survivor.txt", "still here".getBytes()).json().path("file_id").asString();
            assertThat(http.postJson("/api/v1/mode/transition", "{\"target_mode\":\"ro\"}").status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = start(data, wal, "edit")) {
            TestHttp http = SeTest.client(port(second));
            assertThat(http.get("/api/v1/info").json().path("mode").asString()).isEqualTo("ro");
            assertThat(http.get("/api/v1/files/" + id + "/download").body()).isEqualTo("still here");
            assertThat(http.get("/api/v1/files").json().path("total").asInt()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path data, Path wal, String mode) {
        return new SpringApplicationBuilder(StorageElementApplication.class).run(
                "--server.port=0",
                "--spring.lifecycle.timeout-per-shutdown-phase=1s",
                "--artstore.storage.storage-id=se-persist",
                "--artstore.storage.data-dir=" + data,
                "--artstore.storage.wal-dir=" + wal,
                "--artstore.storage.mode=" + mode,
                "--artstore.storage.scheduling=false",
                "--artstore.security.jwks-url=" + SeTest.ISSUER.jwksUrl());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
