package io.artstore.admin.replication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.artstore.admin.common.Timestamps;
import io.artstore.admin.storage.StorageElement;
import io.artstore.admin.storage.StorageElementRepository;
import io.artstore.admin.support.AdminApiTest;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registered file gets its second copy within seconds, although the periodic pass is an hour
 * away: registration cues a pass.
 */
class ReplicationCueIT extends AdminApiTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("artstore.admin.sync.scheduling", () -> "false");
        registry.add("artstore.admin.replication.scheduling", () -> "true");
        registry.add("artstore.admin.replication.interval", () -> "1h");
    }

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private StorageElementRepository storageElements;

    private StubStorageElement a;
    private StubStorageElement b;

    @AfterEach
    void stopStubs() {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
    }

    @Test
    void aRegisteredFileIsCopiedWithoutWaitingForThePeriodicPass() throws Exception {
        jdbc.sql("DELETE FROM files").update();
        jdbc.sql("DELETE FROM storage_elements").update();
        a = new StubStorageElement();
        b = new StubStorageElement();
        UUID seA = register(a, "a");
        UUID seB = register(b, "b");
        byte[] content = "a fresh upload".repeat(100).getBytes(StandardCharsets.UTF_8);
        UUID fileId = UUID.randomUUID();
        a.put(fileId, content);

        TestHttp.Response registered = as(adminToken()).postJson("/api/v1/files", """
                {"file_id": "%s", "original_filename": "fresh.txt", "content_type": "text/plain", "size": %d,
                 "checksum": "%s", "storage_element_id": "%s", "retention_policy": "permanent"}
                """.formatted(fileId, content.length, StubStorageElement.sha256(content), seA));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode file;
        do {
            Thread.sleep(200);
            file = as(adminToken()).get("/api/v1/files/" + fileId).json();
        } while (okCopies(file) < 2 && Instant.now().isBefore(deadline));
        assertThat(okCopies(file)).as(file.toString()).isEqualTo(2);
        assertThat(b.content(fileId)).isEqualTo(content);
        assertThat(file.path("copies").findValuesAsString("storage_element_id"))
                .containsExactlyInAnyOrder(seA.toString(), seB.toString());
    }

    private static long okCopies(JsonNode file) {
        long ok = 0;
        for (JsonNode copy : file.path("copies")) {
            if (CopyStatus.OK.value().equals(copy.path("status").asString())) {
                ok++;
            }
        }
        return ok;
    }

    private UUID register(StubStorageElement stub, String site) {
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now(clock);
        storageElements.insert(new StorageElement(id, "stub " + id, stub.url(), "se-" + id, StorageMode.RW.value(),
                StorageElementStatus.ONLINE.value(), 1_000_000, 0, 1_000_000, null, null, null, now, now, now, now,
                site, null, null));
        return id;
    }
}
