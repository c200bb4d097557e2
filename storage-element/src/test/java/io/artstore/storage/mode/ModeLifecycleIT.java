package io.artstore.storage.mode;

import java.nio.file.Files;
import java.time.Instant;

import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.gc.GarbageCollector;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The permanent-storage lifecycle rw → ro → rw (confirmed) → ro → ar, and what each mode allows. */
@StorageElementTest(properties = {"artstore.storage.storage-id=se-mode-it", "artstore.storage.mode=rw"})
class ModeLifecycleIT {

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    @Autowired
    GarbageCollector gc;

    @Test
    void lifecycle() throws Exception {
        TestHttp http = SeTest.client(port);

        // rw: everything but delete; uploads default to permanent
        assertMode(http, "rw", "[\"upload\",\"download\",\"update\",\"list\"]");
        JsonNode file = SeTest.upload(http, "keep.txt", "permanent".getBytes()).json();
        String id = file.path("file_id").asString();
        assertThat(file.path("retention_policy").asString()).isEqualTo("permanent");
        assertThat(file.path("ttl_days").isNull()).isTrue();
        assertThat(file.path("expires_at").isNull()).isTrue();
        assertThat(SeTest.upload(http, "temp.txt", "t".getBytes(), "retention_policy", "temporary").json()
                .path("ttl_days").asInt()).isEqualTo(30);
        assertNotAllowed(http.delete("/api/v1/files/" + id));
        assertThat(http.patchJson("/api/v1/files/" + id, "{\"description\":\"rw edit\"}").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/files/" + id + "/download").status()).isEqualTo(200);

        assertTransitionRejected(http, "{\"target_mode\":\"ar\"}", "INVALID_TRANSITION");
        assertTransitionRejected(http, "{\"target_mode\":\"rw\"}", "INVALID_TRANSITION");
        assertTransitionRejected(http, "{\"target_mode\":\"edit\"}", "INVALID_TRANSITION");
        transition(http, "{\"target_mode\":\"ro\"}", "rw", "ro");

        // ro: download, list and metadata only
        assertMode(http, "ro", "[\"download\",\"list\"]");
        assertNotAllowed(SeTest.upload(http, "no.txt", "x".getBytes()));
        assertNotAllowed(http.patchJson("/api/v1/files/" + id, "{\"description\":\"x\"}"));
        assertNotAllowed(http.delete("/api/v1/files/" + id));
        assertThat(http.get("/api/v1/files/" + id + "/download").body()).isEqualTo("permanent");
        assertThat(http.get("/api/v1/files/" + id).json().path("description").asString()).isEqualTo("rw edit");
        assertThat(http.get("/api/v1/files").json().path("total").asInt()).isEqualTo(2);

        assertTransitionRejected(http, "{\"target_mode\":\"rw\"}", "CONFIRMATION_REQUIRED");
        assertTransitionRejected(http, "{\"target_mode\":\"rw\",\"confirm\":false}", "CONFIRMATION_REQUIRED");
        transition(http, "{\"target_mode\":\"rw\",\"confirm\":true}", "ro", "rw");
        assertThat(SeTest.upload(http, "again.txt", "y".getBytes()).status()).isEqualTo(201);
        transition(http, "{\"target_mode\":\"ro\"}", "rw", "ro");
        transition(http, "{\"target_mode\":\"ar\"}", "ro", "ar");

        // ar: list and metadata only; final
        assertMode(http, "ar", "[\"list\"]");
        assertNotAllowed(http.get("/api/v1/files/" + id + "/download"));
        assertNotAllowed(SeTest.upload(http, "no.txt", "x".getBytes()));
        assertThat(http.get("/api/v1/files/" + id).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/files").json().path("total").asInt()).isEqualTo(3);
        assertTransitionRejected(http, "{\"target_mode\":\"ro\"}", "INVALID_TRANSITION");
        assertTransitionRejected(http, "{\"target_mode\":\"rw\",\"confirm\":true}", "INVALID_TRANSITION");
        assertThat(gc.run()).isEqualTo(new GarbageCollector.Result(0, 0, 0));

        assertThat(Files.readString(layout.dataDir().resolve("mode.json"))).contains("\"ar\"");
    }

    private static void assertMode(TestHttp http, String mode, String operations) {
        JsonNode info = http.get("/api/v1/info").json();
        assertThat(info.path("mode").asString()).isEqualTo(mode);
        assertThat(info.path("allowed_operations").toString()).isEqualTo(operations);
    }

    private static void assertNotAllowed(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("MODE_NOT_ALLOWED");
    }

    private static void assertTransitionRejected(TestHttp http, String body, String code) {
        TestHttp.Response response = http.postJson("/api/v1/mode/transition", body);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo(code);
    }

    private static void transition(TestHttp http, String body, String from, String to) {
        TestHttp.Response response = http.postJson("/api/v1/mode/transition", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("previous_mode").asString()).isEqualTo(from);
        assertThat(response.json().path("current_mode").asString()).isEqualTo(to);
        assertThat(Instant.parse(response.json().path("transitioned_at").asString())).isNotNull();
    }
}
