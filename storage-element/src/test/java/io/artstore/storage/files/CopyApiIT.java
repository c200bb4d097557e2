package io.artstore.storage.files;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.client.ClientProperties;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.client.storage.StorageElementException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.security.Scopes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.store.FileStore;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /api/v1/files/{id}/copy} of an {@code edit} SE over real HTTP: copies arrive
 * verified and listed, bad bytes keep nothing, repeats are idempotent, a corrupt copy is
 * refused for download and replaced by the next copy; the kernel client speaks the endpoint.
 */
@StorageElementTest(properties = "artstore.storage.storage-id=se-copy-it")
class CopyApiIT {

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    @Autowired
    FileStore store;

    @Autowired
    JsonMapper json;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = SeTest.client(port);
    }

    @Test
    void copyRoundTripStoresVerifiedBytesUnderTheOriginalsMetadata() {
        byte[] content = Content.bytes(300_000, 41);
        SeFileMetadata original = original(content, "scan.pdf");
        Instant before = Instant.now().minusSeconds(1);

        TestHttp.Response response = copy(original, content);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("file_id").asString()).isEqualTo(original.fileId().toString());
        assertThat(body.path("original_filename").asString()).isEqualTo("scan.pdf");
        assertThat(body.path("checksum").asString()).isEqualTo(original.checksum());
        assertThat(body.path("uploaded_by").asString()).isEqualTo("alice");
        assertThat(Instant.parse(body.path("uploaded_at").asString())).isEqualTo(original.uploadedAt());
        assertThat(body.path("description").asString()).isEqualTo("the original");
        assertThat(body.path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(Instant.parse(body.path("expires_at").asString())).isEqualTo(original.expiresAt());
        assertThat(body.path("copy_status").asString()).isEqualTo("ok");
        assertThat(Instant.parse(body.path("verified_at").asString())).isAfter(before);
        assertThat(Instant.parse(body.path("updated_at").asString())).isEqualTo(original.updatedAt());

        assertThat(http.get("/api/v1/files/" + original.fileId() + "/download").bytes()).isEqualTo(content);
        JsonNode listed = listed(original.fileId());
        assertThat(listed).isNotNull();
        assertThat(listed.path("copy_status").asString()).isEqualTo("ok");
        assertThat(listed.path("verified_at").isNull()).isFalse();
        JsonNode single = http.get("/api/v1/files/" + original.fileId()).json();
        assertThat(single.path("copy_status").asString()).isEqualTo("ok");
        assertThat(single.path("updated_at").asString()).isEqualTo(body.path("updated_at").asString());

        // the SE's normal naming from the original's metadata
        List<String> names = SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(original.fileId().toString())).toList();
        assertThat(names).containsExactlyInAnyOrder("scan_alice_20260102T030405Z_" + original.fileId() + ".pdf",
                "scan_alice_20260102T030405Z_" + original.fileId() + ".pdf.attr.json");
        assertNoLeftovers();
    }

    @Test
    void wrongChecksumOrSizeKeepsNothing() {
        byte[] content = Content.bytes(200_000, 42);
        SeFileMetadata original = original(content, "bad.bin");
        byte[] flipped = content.clone();
        flipped[1000] ^= 1;

        TestHttp.Response mismatch = copy(original, flipped);
        assertThat(mismatch.status()).as(mismatch.body()).isEqualTo(422);
        assertThat(mismatch.errorCode()).isEqualTo("CHECKSUM_MISMATCH");

        TestHttp.Response shorter = copy(original, java.util.Arrays.copyOf(content, 1000));
        assertThat(shorter.status()).as(shorter.body()).isEqualTo(422);
        TestHttp.Response longer = copy(original, java.util.Arrays.copyOf(content, content.length + 10));
        assertThat(longer.status()).as(longer.body()).isEqualTo(422);
        assertThat(longer.errorCode()).isEqualTo("CHECKSUM_MISMATCH");

        assertThat(SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(original.fileId().toString()))).isEmpty();
        assertThat(http.get("/api/v1/files/" + original.fileId()).status()).isEqualTo(404);
        assertThat(listed(original.fileId())).isNull();
        assertNoLeftovers();
    }

    @Test
    void theSameCopyTwiceIs200AndAnotherChecksumIs409() {
        byte[] content = Content.bytes(50_000, 43);
        SeFileMetadata original = original(content, "twice.txt");
        assertThat(copy(original, content).status()).isEqualTo(201);
        String sidecar = sidecar(original.fileId());

        TestHttp.Response again = copy(original, content);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("checksum").asString()).isEqualTo(original.checksum());
        assertThat(sidecar(original.fileId())).as("nothing rewritten").isEqualTo(sidecar);

        byte[] other = Content.bytes(50_000, 44);
        SeFileMetadata different = withContent(original, other);
        TestHttp.Response conflict = copy(different, other);
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("CONFLICT");
        assertThat(http.get("/api/v1/files/" + original.fileId() + "/download").bytes()).isEqualTo(content);
        assertNoLeftovers();
    }

    @Test
    void aCorruptCopyIsNeverServedAndTheNextCopyReplacesIt() throws Exception {
        byte[] content = Content.bytes(120_000, 45);
        SeFileMetadata original = original(content, "flip.bin");
        assertThat(copy(original, content).status()).isEqualTo(201);
        Path data = dataFile(original.fileId());
        byte[] damaged = content.clone();
        damaged[7] ^= 0x10;
        Files.write(data, damaged);
        Instant found = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.markCorrupt(original.fileId(), found);
        assertThat(sidecar(original.fileId())).containsPattern("\"copy_status\"\\s*:\\s*\"corrupt\"");

        TestHttp.Response download = http.get("/api/v1/files/" + original.fileId() + "/download");
        assertThat(download.status()).isEqualTo(409);
        assertThat(download.errorCode()).isEqualTo("COPY_CORRUPT");
        TestHttp.Response head = http.send(http.request("/api/v1/files/" + original.fileId() + "/download")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(409);
        JsonNode meta = http.get("/api/v1/files/" + original.fileId()).json();
        assertThat(meta.path("copy_status").asString()).isEqualTo("corrupt");
        assertThat(Instant.parse(meta.path("updated_at").asString())).isEqualTo(found);

        TestHttp.Response replaced = copy(original, content);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(201);
        assertThat(replaced.json().path("copy_status").asString()).isEqualTo("ok");
        assertThat(http.get("/api/v1/files/" + original.fileId() + "/download").bytes()).isEqualTo(content);
        assertThat(Content.sha256(data)).isEqualTo(original.checksum());
        assertThat(SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(original.fileId().toString())))
                .as("replaced under the same name").hasSize(2);
        assertThat(listed(original.fileId()).path("copy_status").asString()).isEqualTo("ok");
        assertNoLeftovers();
    }

    @Test
    void aCopyWhoseDataFileWasLostIsReplacedNotReportedPresent() throws Exception {
        byte[] content = Content.bytes(90_000, 46);
        SeFileMetadata original = original(content, "lost.bin");
        assertThat(copy(original, content).status()).isEqualTo(201);
        Path data = dataFile(original.fileId());
        Files.delete(data);

        // the sidecar (and so the index) still lists it: "already here" would be a lie
        TestHttp.Response again = copy(original, content);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(Content.sha256(data)).isEqualTo(original.checksum());
        assertThat(http.get("/api/v1/files/" + original.fileId() + "/download").bytes()).isEqualTo(content);

        // truncated behind the SE's back: the same
        Files.write(data, java.util.Arrays.copyOf(content, 1000));
        TestHttp.Response truncated = copy(original, content);
        assertThat(truncated.status()).as(truncated.body()).isEqualTo(201);
        assertThat(Content.sha256(data)).isEqualTo(original.checksum());
        assertThat(SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(original.fileId().toString())))
                .as("replaced under the same name").hasSize(2);
        assertThat(copy(original, content).status()).as("intact again: idempotent").isEqualTo(200);
        assertNoLeftovers();
    }

    @Test
    void badFormsAre400AndKeepNothing() {
        byte[] content = Content.bytes(10_000, 46);
        SeFileMetadata original = original(content, "form.bin");
        String metadata = json.writeValueAsString(original);

        TestHttp.Response after = send(original.fileId(), Multipart.form()
                .file("form.bin", "application/octet-stream", content).field("metadata", metadata));
        assertThat(after.status()).as(after.body()).isEqualTo(400);
        assertThat(after.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(after.body()).contains("metadata");

        TestHttp.Response missing = send(original.fileId(), Multipart.form()
                .file("form.bin", "application/octet-stream", content));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("VALIDATION_ERROR");

        TestHttp.Response noFile = send(original.fileId(), Multipart.form().field("metadata", metadata));
        assertThat(noFile.status()).as(noFile.body()).isEqualTo(400);

        TestHttp.Response otherId = send(UUID.randomUUID(), Multipart.form().field("metadata", metadata)
                .file("form.bin", "application/octet-stream", content));
        assertThat(otherId.status()).as(otherId.body()).isEqualTo(400);
        assertThat(otherId.body()).contains("file_id");

        TestHttp.Response garbage = send(original.fileId(), Multipart.form().field("metadata", "{not json")
                .file("form.bin", "application/octet-stream", content));
        assertThat(garbage.status()).as(garbage.body()).isEqualTo(400);

        for (String status : List.of("deleted", "expired")) {
            SeFileMetadata gone = new SeFileMetadata(original.fileId(), original.originalFilename(), original.contentType(),
                    original.size(), original.checksum(), original.uploadedBy(), original.uploadedAt(), null, List.of(),
                    status, original.retentionPolicy(), original.ttlDays(), original.expiresAt(), null, null, null);
            TestHttp.Response refused = copy(gone, content);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("status");
        }

        TestHttp ingester = TestHttp.to("http://127.0.0.1:" + port)
                .withToken(SeTest.ISSUER.serviceToken("sa_ingester", Scopes.FILES_READ, Scopes.FILES_WRITE));
        TestHttp.Response noScope = ingester.send(request(ingester, original.fileId(), Multipart.form()
                .field("metadata", metadata).file("form.bin", "application/octet-stream", content)));
        assertThat(noScope.status()).isEqualTo(403);

        assertThat(http.get("/api/v1/files/" + original.fileId()).status()).isEqualTo(404);
        assertNoLeftovers();
    }

    @Test
    void theKernelClientStoresACopy() throws Exception {
        byte[] content = Content.bytes(700_000, 47);
        SeFileMetadata original = original(content, "kernel.bin");
        ClientProperties properties = new ClientProperties(null, null, null, Duration.ofSeconds(5), null,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
        try (StorageElementClient client = new StorageElementClient(RestClient.builder(), properties,
                () -> SeTest.ISSUER.serviceToken("sa_admin", Scopes.STORAGE_READ, Scopes.STORAGE_WRITE,
                        Scopes.FILES_READ), json)) {
            String base = "http://127.0.0.1:" + port;
            SeFileMetadata stored = client.storeCopy(base, original, new ByteArrayInputStream(content));
            assertThat(stored.fileId()).isEqualTo(original.fileId());
            assertThat(stored.checksum()).isEqualTo(original.checksum());
            assertThat(stored.copyStatus()).isEqualTo("ok");
            assertThat(stored.verifiedAt()).isNotNull();

            SeFileMetadata again = client.storeCopy(base, original, new ByteArrayInputStream(content));
            assertThat(again.verifiedAt()).isEqualTo(stored.verifiedAt());

            byte[] other = Content.bytes(700_000, 48);
            SeFileMetadata fresh = withContent(original(other, "kernel-bad.bin"), other);
            assertThatThrownBy(() -> client.storeCopy(base, fresh, new ByteArrayInputStream(content)))
                    .isInstanceOfSatisfying(StorageElementException.class,
                            ex -> assertThat(ex.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH));
        }
        assertThat(http.get("/api/v1/files/" + original.fileId() + "/download").bytes()).isEqualTo(content);
        assertNoLeftovers();
    }

    @Test
    void updatedAtFollowsUploadEditAndDelete() throws Exception {
        JsonNode uploaded = SeTest.upload(http, "edited.txt", "e".getBytes()).json();
        String id = uploaded.path("file_id").asString();
        assertThat(uploaded.path("updated_at").asString()).isEqualTo(uploaded.path("uploaded_at").asString());
        assertThat(uploaded.path("copy_status").asString()).isEqualTo("ok");
        assertThat(uploaded.path("verified_at").isNull()).isTrue();

        Thread.sleep(5);
        JsonNode edited = http.patchJson("/api/v1/files/" + id, "{\"description\":\"changed\"}").json();
        Instant editedAt = Instant.parse(edited.path("updated_at").asString());
        assertThat(editedAt).isAfter(Instant.parse(uploaded.path("uploaded_at").asString()));
        assertThat(sidecar(UUID.fromString(id))).contains("updated_at");

        Thread.sleep(5);
        assertThat(http.delete("/api/v1/files/" + id).status()).isEqualTo(204);
        JsonNode deleted = http.get("/api/v1/files/" + id).json();
        assertThat(deleted.path("status").asString()).isEqualTo("deleted");
        assertThat(Instant.parse(deleted.path("updated_at").asString())).isAfter(editedAt);
    }

    /** A temporary file as another SE would describe it. */
    static SeFileMetadata original(byte[] content, String name) {
        Instant uploadedAt = Instant.parse("2026-01-02T03:04:05.678Z");
        return new SeFileMetadata(UUID.randomUUID(), name, "application/pdf", content.length, Content.sha256(content),
                "alice", uploadedAt, "the original", List.of("a", "b"), "active", "temporary", 365,
                Instant.now().plus(Duration.ofDays(300)).truncatedTo(ChronoUnit.MILLIS), "ok",
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T10:00:00Z"));
    }

    static SeFileMetadata withContent(SeFileMetadata m, byte[] content) {
        return new SeFileMetadata(m.fileId(), m.originalFilename(), m.contentType(), content.length,
                Content.sha256(content), m.uploadedBy(), m.uploadedAt(), m.description(), m.tags(), m.status(),
                m.retentionPolicy(), m.ttlDays(), m.expiresAt(), m.copyStatus(), m.verifiedAt(), m.updatedAt());
    }

    private TestHttp.Response copy(SeFileMetadata original, byte[] content) {
        return send(original.fileId(), Multipart.form().field("metadata", json.writeValueAsString(original))
                .file(original.originalFilename(), original.contentType(), content));
    }

    private TestHttp.Response send(UUID fileId, Multipart form) {
        return http.send(request(http, fileId, form));
    }

    private static HttpRequest.Builder request(TestHttp http, UUID fileId, Multipart form) {
        return http.request("/api/v1/files/" + fileId + "/copy").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toBytes()));
    }

    private JsonNode listed(UUID fileId) {
        for (JsonNode item : http.get("/api/v1/files?limit=1000").json().path("items")) {
            if (item.path("file_id").asString().equals(fileId.toString())) {
                return item;
            }
        }
        return null;
    }

    private Path dataFile(UUID fileId) {
        return SeTest.files(layout.dataDir()).stream()
                .filter(n -> n.contains(fileId.toString()) && !n.endsWith(".attr.json"))
                .map(layout.dataDir()::resolve).findFirst().orElseThrow();
    }

    private String sidecar(UUID fileId) {
        try {
            return Files.readString(layout.dataDir().resolve(dataFile(fileId).getFileName() + ".attr.json"));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private void assertNoLeftovers() {
        assertThat(SeTest.files(layout.walDir())).isEmpty();
        assertThat(SeTest.files(layout.dataDir().resolve(".incoming"))).isEmpty();
    }
}
