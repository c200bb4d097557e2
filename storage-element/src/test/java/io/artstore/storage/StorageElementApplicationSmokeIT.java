package io.artstore.storage;

import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

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
                "se_scrub_bytes_verified_total", "se_scrub_pass_progress_ratio",
                "se_storage_used_bytes", "se_mode{");
    }

    @Test
    void publishesTheOpenApiDocument() {
        TestHttp http = TestHttp.to("http://127.0.0.1:" + port);
        String doc = http.get("/v3/api-docs").body();
        assertThat(doc).contains("/api/v1/files/upload", "/api/v1/files/{file_id}/download", "/api/v1/info",
                "/api/v1/mode/transition", "/api/v1/maintenance/reconcile", "/api/v1/maintenance/scrub", "bearerAuth", "files:write", "storage:write",
                "\"file_id\"", "\"original_filename\"", "\"retention_policy\"", "\"ttl_days\"", "\"target_mode\"",
                "\"allowed_operations\"", "\"files_checked\"", "\"has_more\"",
                "/api/v1/files/{file_id}/copy", "\"copy_status\"", "\"verified_at\"", "\"updated_at\"", "CHECKSUM_MISMATCH");
        assertThat(doc).doesNotContain("\"fileId\"", "\"retentionPolicy\"", "\"targetMode\"");
        assertThat(doc).contains("\"openapi\":\"3.1");
    }

    @Test
    void everyProtectedOperationDocumentsUnauthorizedAndForbiddenWithTheErrorBody() {
        JsonNode paths = TestHttp.to("http://127.0.0.1:" + port).get("/v3/api-docs").json().path("paths");
        for (String[] operation : new String[][] {{"/api/v1/files/upload", "post"}, {"/api/v1/files/{file_id}", "patch"},
                {"/api/v1/files/{file_id}/download", "get"}, {"/api/v1/mode/transition", "post"},
                {"/api/v1/maintenance/reconcile", "post"}, {"/api/v1/maintenance/scrub", "post"},
                {"/api/v1/maintenance/scrub", "get"}, {"/api/v1/files/{file_id}/copy", "post"}}) {
            JsonNode responses = paths.path(operation[0]).path(operation[1]).path("responses");
            for (String status : new String[] {"401", "403", "500"}) {
                assertThat(responses.path(status).path("content").path("application/json").path("schema").path("$ref")
                        .asString()).as(operation[0] + " " + status).isEqualTo("#/components/schemas/ErrorResponse");
            }
        }
        JsonNode transition = paths.path("/api/v1/mode/transition").path("post").path("responses");
        assertThat(transition.propertyNames()).as("the operation's own responses stay")
                .contains("200", "400", "409");
        assertThat(transition.path("403").path("description").asString()).contains("storage:write");
        JsonNode info = paths.path("/api/v1/info").path("get").path("responses");
        assertThat(info.has("401")).as("no token needed").isFalse();
        assertThat(info.has("500")).isTrue();
    }
}
