package io.artstore.storage.reconcile;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

/** Reconcile finds each kind of damage it looks for exactly once and rebuilds the index; contents are the scrub's. */
@StorageElementTest(properties = "artstore.storage.storage-id=se-reconcile-it")
class ReconcileIT {

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    @Autowired
    ReconcileService service;

    @Test
    void reportsEveryKindOfIssueWithExactCounts() throws IOException {
        TestHttp http = SeTest.client(port);
        String good1 = upload(http, "good1.bin", 1);
        String good2 = upload(http, "good2.bin", 2);
        String missing = upload(http, "missing.bin", 3);
        String resized = upload(http, "resized.bin", 4);
        String corrupted = upload(http, "corrupted.bin", 5);

        JsonNode clean = http.postJson("/api/v1/maintenance/reconcile", "").json();
        assertThat(clean.path("summary").path("ok").asInt()).isEqualTo(5);
        assertThat(clean.path("issues").size()).isZero();
        assertThat(clean.path("files_checked").asInt()).isEqualTo(5);

        Files.delete(data(missing));
        Files.write(data(resized), new byte[]{1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        try (RandomAccessFile file = new RandomAccessFile(data(corrupted).toFile(), "rw")) {
            file.seek(100);
            int b = file.read();
            file.seek(100);
            file.write(b ^ 0xff);
        }
        Files.write(layout.dataDir().resolve("stray_u_20260101T000000Z_x.bin"), "stray".getBytes());
        Files.write(layout.dataDir().resolve("junk_u_20260101T000000Z_y.bin.attr.json"), "{not json".getBytes());

        TestHttp.Response response = http.postJson("/api/v1/maintenance/reconcile", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        JsonNode summary = report.path("summary");
        // a flipped byte with the size unchanged is the scrub's to find: reconcile reads no contents
        assertThat(summary.path("ok").asInt()).isEqualTo(3);
        assertThat(summary.path("missing_files").asInt()).isEqualTo(1);
        assertThat(summary.path("size_mismatches").asInt()).isEqualTo(1);
        assertThat(summary.path("checksum_mismatches").asInt()).isZero();
        assertThat(summary.path("orphaned_files").asInt()).isEqualTo(1);
        assertThat(summary.path("orphaned_attrs").asInt()).isEqualTo(1);
        assertThat(report.path("files_checked").asInt()).isEqualTo(7);
        assertThat(report.path("started_at").asString()).isNotBlank();
        assertThat(report.path("completed_at").asString()).isNotBlank();
        assertThat(report.path("issues").size()).isEqualTo(4);
        assertIssue(report, "missing_file", missing);
        assertIssue(report, "size_mismatch", resized);
        assertThat(report.path("issues").findValuesAsString("file_id")).doesNotContain(corrupted);
        for (JsonNode issue : report.path("issues")) {
            assertThat(issue.path("path").asString()).doesNotContain("/").doesNotContain(layout.dataDir().toString());
            assertThat(issue.path("description").asString()).isNotBlank();
        }
        assertThat(report.path("issues").findValuesAsString("type")).contains("orphaned_file", "orphaned_attr");

        // the index now reflects the disk: the file without data is gone from listings
        List<String> listed = http.get("/api/v1/files?limit=1000").json().path("items").findValuesAsString("file_id");
        assertThat(listed).containsExactlyInAnyOrder(good1, good2, resized, corrupted);
        assertThat(http.get("/metrics").body()).contains("se_reconcile_runs_total", "se_reconcile_issues_total");
    }

    @Test
    void oneRunAtATime() {
        TestHttp http = SeTest.client(port);
        assertThat(service.tryStart()).isTrue();
        try {
            TestHttp.Response response = http.postJson("/api/v1/maintenance/reconcile", "");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.errorCode()).isEqualTo("RECONCILE_IN_PROGRESS");
        } finally {
            service.finish();
        }
        assertThat(http.postJson("/api/v1/maintenance/reconcile", "").status()).isEqualTo(200);
    }

    private static void assertIssue(JsonNode report, String type, String fileId) {
        boolean found = false;
        for (JsonNode issue : report.path("issues")) {
            found |= issue.path("type").asString().equals(type) && issue.path("file_id").asString().equals(fileId);
        }
        assertThat(found).as(type + " for " + fileId).isTrue();
    }

    private static String upload(TestHttp http, String name, long seed) {
        return SeTest.upload(http, name, Content.bytes(4096, seed)).json().path("file_id").asString();
    }

    private Path data(String id) {
        return SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(id) && !n.endsWith(".attr.json"))
                .map(layout.dataDir()::resolve).findFirst().orElseThrow();
    }
}
