package io.artstore.admin.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.admin.support.AdminApiTest;
import io.artstore.kernel.client.admin.FileRegistration;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file registry over HTTP, without a storage element behind it (rows point to an SE
 * record whose URL does not answer): registration as the ingester sends it, conflicts,
 * validation, filters and paging, registry-only status changes, and 502 when a change must
 * reach the SE.
 */
class FileRegistryIT extends AdminApiTest {

    private static final String CHECKSUM = "ab".repeat(32);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private UUID seId;
    private TestHttp writer;
    private String writerClientId;

    @BeforeEach
    void storageElementAndWriter() {
        seId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO storage_elements (id, name, url, storage_id, mode, status)
                        VALUES (:id, 'fake', :url, :storageId, 'edit', 'online')
                        """)
                .param("id", seId)
                .param("url", "https://127.0.0.1:" + ProcessRunner.freePort() + "/" + seId)
                .param("storageId", "fake-" + seId)
                .update();
        JsonNode account = createServiceAccount(unique("ingester"), "[\"files:write\",\"files:read\",\"storage:read\"]");
        writerClientId = account.path("client_id").asString();
        writer = as(serviceToken(account));
    }

    @Test
    void registersWhatTheIngesterSendsAndRefusesDuplicates() {
        UUID fileId = UUID.randomUUID();
        Instant uploadedAt = Instant.parse("2026-03-01T10:15:30.123456Z");
        FileRegistration registration = new FileRegistration(fileId, "Счёт №1.pdf", "application/pdf", 1234, CHECKSUM,
                seId, "march invoice", List.of("invoice", "2026"), "temporary", 30, "alice", uploadedAt);
        TestHttp.Response created = writer.postJson("/api/v1/files", json.writeValueAsString(registration));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode file = created.json();
        assertThat(file.path("file_id").asString()).isEqualTo(fileId.toString());
        assertThat(file.path("original_filename").asString()).isEqualTo("Счёт №1.pdf");
        assertThat(file.path("uploaded_by").asString()).isEqualTo("alice");
        assertThat(Instant.parse(file.path("uploaded_at").asString())).isEqualTo(uploadedAt);
        assertThat(Instant.parse(file.path("expires_at").asString())).isEqualTo(Instant.parse("2026-03-31T10:15:30.123456Z"));
        assertThat(file.path("status").asString()).isEqualTo("active");
        assertThat(file.path("storage_element_id").asString()).isEqualTo(seId.toString());
        assertThat(file.path("tags").toString()).isEqualTo("[\"invoice\",\"2026\"]");
        assertThat(file.has("storage_filename")).isFalse();
        assertThat(writer.get("/api/v1/files/" + fileId).json()).isEqualTo(file);

        TestHttp.Response again = writer.postJson("/api/v1/files", json.writeValueAsString(registration));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");

        // contract form without the extension: the caller and now
        TestHttp.Response plain = writer.postJson("/api/v1/files", body(UUID.randomUUID(), "permanent", null));
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().path("uploaded_by").asString()).isEqualTo(writerClientId);
        assertThat(plain.json().path("expires_at").isNull()).isTrue();
        assertThat(plain.json().path("tags").toString()).isEqualTo("[]");
    }

    @Test
    void validatesRegistrations() {
        assertThat(writer.postJson("/api/v1/files", body(UUID.randomUUID(), "temporary", null)).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(writer.postJson("/api/v1/files", body(UUID.randomUUID(), "forever", null)).status()).isEqualTo(400);
        assertThat(writer.postJson("/api/v1/files", body(UUID.randomUUID(), "temporary", 400)).status()).isEqualTo(400);
        String unknownSe = body(UUID.randomUUID(), "permanent", null).replace(seId.toString(), UUID.randomUUID().toString());
        assertThat(writer.postJson("/api/v1/files", unknownSe).status()).isEqualTo(400);
        String badChecksum = body(UUID.randomUUID(), "permanent", null).replace(CHECKSUM, "xyz");
        assertThat(writer.postJson("/api/v1/files", badChecksum).status()).isEqualTo(400);
        assertThat(writer.postJson("/api/v1/files", "{}").status()).isEqualTo(400);

        JsonNode reader = createServiceAccount(unique("reader"), "[\"files:read\"]");
        TestHttp.Response forbidden = as(serviceToken(reader)).postJson("/api/v1/files", body(UUID.randomUUID(), "permanent", null));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(http().get("/api/v1/files").status()).isEqualTo(401);
        assertThat(writer.get("/api/v1/files/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void listsWithFiltersAndPaging() {
        for (int i = 0; i < 5; i++) {
            assertThat(writer.postJson("/api/v1/files", body(UUID.randomUUID(), i < 2 ? "temporary" : "permanent",
                    i < 2 ? 7 : null)).status()).isEqualTo(201);
        }
        String se = "storage_element_id=" + seId;
        JsonNode all = writer.get("/api/v1/files?" + se + "&limit=2&offset=0").json();
        assertThat(all.path("total").asLong()).isEqualTo(5);
        assertThat(all.path("items")).hasSize(2);
        assertThat(all.path("has_more").asBoolean()).isTrue();
        assertThat(writer.get("/api/v1/files?" + se + "&limit=2&offset=4").json().path("has_more").asBoolean()).isFalse();
        assertThat(writer.get("/api/v1/files?" + se + "&retention_policy=temporary").json().path("total").asLong()).isEqualTo(2);
        assertThat(writer.get("/api/v1/files?" + se + "&status=active&uploaded_by=" + writerClientId).json()
                .path("total").asLong()).isEqualTo(5);
        assertThat(writer.get("/api/v1/files?" + se + "&uploaded_by=nobody").json().path("total").asLong()).isZero();
        assertThat(writer.get("/api/v1/files?status=gone").status()).isEqualTo(400);
        assertThat(writer.get("/api/v1/files?limit=0").status()).isEqualTo(400);
        assertThat(writer.get("/api/v1/files?storage_element_id=nope").status()).isEqualTo(400);
    }

    @Test
    void statusIsARegistryCorrectionButDescriptionAndDeleteNeedTheSe() {
        UUID fileId = UUID.randomUUID();
        assertThat(writer.postJson("/api/v1/files", body(fileId, "permanent", null)).status()).isEqualTo(201);

        TestHttp.Response status = writer.putJson("/api/v1/files/" + fileId, "{\"status\":\"expired\"}");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().path("status").asString()).isEqualTo("expired");
        assertThat(writer.putJson("/api/v1/files/" + fileId, "{}").status()).isEqualTo(400);
        assertThat(writer.putJson("/api/v1/files/" + fileId, "{\"status\":\"gone\"}").status()).isEqualTo(400);
        assertThat(writer.putJson("/api/v1/files/" + UUID.randomUUID(), "{\"status\":\"active\"}").status()).isEqualTo(404);

        TestHttp.Response description = writer.putJson("/api/v1/files/" + fileId, "{\"description\":\"new\"}");
        assertThat(description.status()).isEqualTo(502);
        assertThat(description.errorCode()).isEqualTo("SE_UNAVAILABLE");
        TestHttp.Response delete = writer.delete("/api/v1/files/" + fileId);
        assertThat(delete.status()).isEqualTo(502);
        JsonNode unchanged = writer.get("/api/v1/files/" + fileId).json();
        assertThat(unchanged.path("status").asString()).isEqualTo("expired");
        assertThat(unchanged.path("description").isNull()).isTrue();
    }

    @Test
    void documentsTheRegistryEndpointsAndExtensions() {
        JsonNode docs = http().get("/v3/api-docs").json();
        assertThat(docs.path("paths").has("/api/v1/storage-elements/{id}/mode")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/storage-elements/{id}/sync")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/storage-elements/discover")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/files/{file_id}")).isTrue();
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("FileRegisterRequest").path("properties").has("uploaded_by")).isTrue();
        assertThat(schemas.path("FileRegisterRequest").path("properties").has("uploaded_at")).isTrue();
        assertThat(schemas.path("SyncResponse").path("properties").has("file_sync")).isTrue();
        assertThat(schemas.path("FileSyncResult").path("properties").has("files_marked_deleted")).isTrue();
        assertThat(schemas.path("ModeChangeRequest").path("properties").has("target_mode")).isTrue();
        assertThat(schemas.path("FileRecord").path("properties").has("storage_filename")).isFalse();
    }

    private String body(UUID fileId, String retention, Integer ttlDays) {
        return """
                {"file_id":"%s","original_filename":"a.txt","content_type":"text/plain","size":3,
                 "checksum":"%s","storage_element_id":"%s","retention_policy":"%s"%s}
                """.formatted(fileId, CHECKSUM, seId, retention, ttlDays == null ? "" : ",\"ttl_days\":" + ttlDays);
    }
}
