package io.artstore.storage.scrub;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.security.Scopes;
import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A byte flipped on disk is found by a scrub started over HTTP, and the copy is marked corrupt in its sidecar. */
@StorageElementTest(properties = "artstore.storage.storage-id=se-scrub-it")
class ScrubIT {

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    @Test
    void aFlippedByteIsFoundAndTheCopyMarkedCorrupt() throws IOException, InterruptedException {
        TestHttp http = SeTest.client(port);
        assertThat(http.get("/api/v1/maintenance/scrub").json().path("started_at").isNull()).isTrue();
        assertThat(http.get("/api/v1/info").json().path("last_scrub_at").isMissingNode()
                || http.get("/api/v1/info").json().path("last_scrub_at").isNull()).isTrue();

        String good = upload(http, "good.bin", 3 * 1024 * 1024, 1);
        String damaged = upload(http, "damaged.bin", 200_000, 2);
        Path damagedData = data(damaged);
        try (RandomAccessFile file = new RandomAccessFile(damagedData.toFile(), "rw")) {
            file.seek(150_000);
            int b = file.read();
            file.seek(150_000);
            file.write(b ^ 0x40);
        }

        TestHttp.Response started = http.postJson("/api/v1/maintenance/scrub", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("started_at").asString()).isNotBlank();

        JsonNode status = awaitFinished(http);
        assertThat(status.path("running").asBoolean()).isFalse();
        assertThat(status.path("files_checked").asLong()).isEqualTo(2);
        assertThat(status.path("bytes_checked").asLong()).isEqualTo(3 * 1024 * 1024 + 200_000);
        assertThat(status.path("mismatches").asLong()).isEqualTo(1);
        Instant finished = Instant.parse(status.path("finished_at").asString());

        // copy_status in the file API and the 409 COPY_CORRUPT on download come with the SE's copy
        // work (another branch); here the sidecar on disk is the proof
        AttrStore attrs = new AttrStore(layout);
        FileAttributes corrupt = attrs.read(layout.attrFile(damagedData.getFileName().toString()));
        assertThat(corrupt.copyStatus()).isEqualTo(CopyStatus.CORRUPT);
        assertThat(corrupt.updatedAt()).isAfterOrEqualTo(Instant.parse(status.path("started_at").asString()));
        FileAttributes verified = attrs.read(layout.attrFile(data(good).getFileName().toString()));
        assertThat(verified.copyStatus()).isNull();
        assertThat(verified.verifiedAt()).isNotNull();
        assertThat(http.get("/api/v1/files/" + damaged).status()).isEqualTo(200);

        assertThat(Instant.parse(http.get("/api/v1/info").json().path("last_scrub_at").asString())).isEqualTo(finished);
        String metrics = http.get("/metrics").body();
        assertThat(metrics).containsPattern("se_scrub_bytes_verified_total\\{[^}]*} 3345728\\.0")
                .containsPattern("se_scrub_files_verified_total\\{[^}]*} 2\\.0")
                .containsPattern("se_scrub_mismatches_total\\{[^}]*} 1\\.0")
                .containsPattern("se_scrub_pass_progress_ratio\\{[^}]*} 1\\.0")
                .contains("se_scrub_last_pass_finished_timestamp_seconds{");

        // a second pass leaves the corrupt copy alone (the registry's replication replaces it)
        assertThat(http.postJson("/api/v1/maintenance/scrub", "").status()).isEqualTo(202);
        JsonNode second = awaitFinished(http);
        assertThat(second.path("files_checked").asLong()).isEqualTo(1);
        assertThat(second.path("mismatches").asLong()).isZero();
    }

    @Test
    void readingNeedsStorageReadAndStartingStorageWrite() {
        TestHttp anonymous = TestHttp.to("http://127.0.0.1:" + port);
        assertThat(anonymous.get("/api/v1/maintenance/scrub").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/v1/maintenance/scrub", "").status()).isEqualTo(401);
        TestHttp reader = anonymous.withToken(SeTest.ISSUER.serviceToken("sa_reader", Scopes.STORAGE_READ));
        assertThat(reader.get("/api/v1/maintenance/scrub").status()).isEqualTo(200);
        TestHttp.Response forbidden = reader.postJson("/api/v1/maintenance/scrub", "");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
        TestHttp filesOnly = anonymous.withToken(SeTest.ISSUER.serviceToken("sa_files", Scopes.FILES_READ));
        assertThat(filesOnly.get("/api/v1/maintenance/scrub").status()).isEqualTo(403);
    }

    private static JsonNode awaitFinished(TestHttp http) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = http.get("/api/v1/maintenance/scrub").json();
            if (!status.path("running").asBoolean() && status.path("finished_at").isString()) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scrub did not finish: " + http.get("/api/v1/maintenance/scrub").body());
    }

    private static String upload(TestHttp http, String name, int size, long seed) {
        TestHttp.Response response = SeTest.upload(http, name, Content.bytes(size, seed));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("file_id").asString();
    }

    private Path data(String id) {
        return SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(id) && !n.endsWith(".attr.json"))
                .map(layout.dataDir()::resolve).findFirst().orElseThrow();
    }
}
