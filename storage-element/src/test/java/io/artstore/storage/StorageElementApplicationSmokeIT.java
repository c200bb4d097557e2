package io.artstore.storage;

import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@StorageElementTest(properties = "artstore.storage.storage-id=se-smoke")
class StorageElementApplicationSmokeIT {

    @LocalServerPort
    int port;

    @Test
    void startsAndAnswersHealthAndMetrics() {
        TestHttp http = TestHttp.to("http://127.0.0.1:" + port);
        assertThat(http.get("/health/live").json().path("service").asString()).isEqualTo("storage-element");
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("jvm_memory_used_bytes");
        assertThat(metrics).contains("se_files{", "se_uploads_total{", "se_gc_runs_total", "se_reconcile_runs_total",
                "se_storage_used_bytes", "se_mode{");
    }

    @Test
    void publishesTheOpenApiDocument() {
        TestHttp http = TestHttp.to("http://127.0.0.1:" + port);
        String doc = http.get("/v3/api-docs").body();
        assertThat(doc).contains("/api/v1/files/upload", "/api/v1/files/{file_id}/download", "/api/v1/info",
                "/api/v1/mode/transition", "/api/v1/maintenance/reconcile", "bearerAuth", "files:write", "storage:write",
                "\"file_id\"", "\"original_filename\"", "\"retention_policy\"", "\"ttl_days\"", "\"target_mode\"",
                "\"allowed_operations\"", "\"files_checked\"", "\"has_more\"");
        assertThat(doc).doesNotContain("\"fileId\"", "\"retentionPolicy\"", "\"targetMode\"");
        assertThat(doc).contains("\"openapi\":\"3.1");
    }
}
