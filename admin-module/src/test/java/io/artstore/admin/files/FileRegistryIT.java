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
        seId = fakeStorageElement();
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
        assertThat(file.path("copies_wanted").asInt()).as("AM_COPIES_TEMPORARY default").isEqualTo(1);
        assertThat(file.path("copies")).hasSize(1);
        JsonNode copy = file.path("copies").get(0);
        assertThat(copy.path("storage_element_id").asString()).isEqualTo(seId.toString());
        assertThat(copy.path("status").asString()).isEqualTo("ok");
        assertThat(Instant.parse(copy.path("verified_at").asString()))
                .as("the SE hashed the bytes while storing them").isAfter(Instant.now().minusSeconds(60));
        assertThat(jdbc.sql("SELECT count(*) FROM file_copies WHERE file_id = :id").param("id", fileId)
                .query(Long.class).single()).isEqualTo(1);
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
        assertThat(plain.json().path("copies_wanted").asInt()).as("AM_COPIES_PERMANENT default").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM file_copies WHERE file_id = :id").param("id", fileId)
                .query(Long.class).single()).as("the refused duplicate added no copy").isEqualTo(1);
    }

    @Test
    void listsEveryFilesCopiesAndTheFileOutlivesTheSeItWasFirstStoredOn() {
        UUID second = fakeStorageElement();
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            assertThat(writer.postJson("/api/v1/files", body(id, "permanent", null)).status()).isEqualTo(201);
        }
        // a second copy of two files, one of them corrupt, on the other SE (as the replication job / sync write them)
        jdbc.sql("INSERT INTO file_copies (file_id, storage_element_id, status) VALUES (:a, :se, 'ok'), (:b, :se, 'corrupt')")
                .param("a", ids.get(0)).param("b", ids.get(1)).param("se", second).update();

        JsonNode page = writer.get("/api/v1/files?storage_element_id=" + second).json();
        assertThat(page.path("total").asLong()).as("the filter finds files by their copies too").isEqualTo(2);
        for (JsonNode item : page.path("items")) {
            assertThat(item.path("copies")).hasSize(2);
            assertThat(item.path("copies").get(0).path("storage_element_id").asString()).isEqualTo(seId.toString());
            assertThat(item.path("copies").get(1).path("storage_element_id").asString()).isEqualTo(second.toString());
            assertThat(item.path("copies").get(1).path("verified_at").isNull()).isTrue();
            assertThat(item.path("copies_wanted").asInt()).isEqualTo(2);
            assertThat(item.path("status").asString()).as("a corrupt copy leaves the file active").isEqualTo("active");
        }
        JsonNode third = writer.get("/api/v1/files/" + ids.get(2)).json();
        assertThat(third.path("copies")).hasSize(1);

        // removing the first SE from the registry keeps the files; their view names the first ok copy's SE
        jdbc.sql("DELETE FROM storage_elements WHERE id = :id").param("id", seId).update();
        JsonNode kept = writer.get("/api/v1/files/" + ids.get(0)).json();
        assertThat(kept.path("storage_element_id").asString()).isEqualTo(second.toString());
        assertThat(kept.path("copies")).hasSize(1);
        JsonNode corruptOnly = writer.get("/api/v1/files/" + ids.get(1)).json();
        assertThat(corruptOnly.path("storage_element_id").isNull()).as("no ok copy left").isTrue();
        assertThat(corruptOnly.path("copies").get(0).path("status").asString()).isEqualTo("corrupt");
        JsonNode noCopy = writer.get("/api/v1/files/" + ids.get(2)).json();
        assertThat(noCopy.path("storage_element_id").isNull()).isTrue();
        assertThat(noCopy.path("copies")).isEmpty();
        assertThat(noCopy.path("status").asString()).isEqualTo("active");

        // a file without any copy on a registered SE: changes are registry-only (the sync carries them to copies found later)
        TestHttp.Response described = writer.putJson("/api/v1/files/" + ids.get(2), "{\"description\":\"kept\"}");
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.json().path("description").asString()).isEqualTo("kept");
        assertThat(writer.delete("/api/v1/files/" + ids.get(2)).status()).isEqualTo(204);
        assertThat(writer.get("/api/v1/files/" + ids.get(2)).json().path("status").asString()).isEqualTo("deleted");
        assertThat(jdbc.sql("SELECT metadata_updated_at IS NOT NULL FROM files WHERE file_id = :id")
                .param("id", ids.get(2)).query(Boolean.class).single()).isTrue();
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
        assertThat(jdbc.sql("SELECT metadata_updated_at IS NULL FROM files WHERE file_id = :id").param("id", fileId)
                .query(Boolean.class).single()).as("a status correction is registry-only").isTrue();
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
        assertThat(schemas.path("FileRecord").path("properties").has("copies_wanted")).isTrue();
        assertThat(schemas.path("FileRecord").path("properties").has("copies")).isTrue();
        assertThat(schemas.path("FileCopy").path("properties").has("verified_at")).isTrue();
    }

    /** An SE record whose URL does not answer. */
    private UUID fakeStorageElement() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO storage_elements (id, name, url, storage_id, mode, status)
                        VALUES (:id, 'fake', :url, :storageId, 'edit', 'online')
                        """)
                .param("id", id)
                .param("url", "https://127.0.0.1:" + ProcessRunner.freePort() + "/" + id)
                .param("storageId", "fake-" + id)
                .update();
        return id;
    }

    private String body(UUID fileId, String retention, Integer ttlDays) {
        return """
                {"file_id":"%s","original_filename":"a.txt","content_type":"text/plain","size":3,
                 "checksum":"%s","storage_element_id":"%s","retention_policy":"%s"%s}
                """.formatted(fileId, CHECKSUM, seId, retention, ttlDays == null ? "" : ",\"ttl_days\":" + ttlDays);
    }
}
