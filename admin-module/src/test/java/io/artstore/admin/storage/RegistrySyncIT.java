package io.artstore.admin.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.artstore.admin.auth.SelfTokenProvider;
import io.artstore.admin.sync.RegistrySync;
import io.artstore.admin.sync.SyncProperties;
import io.artstore.admin.sync.SyncReport;
import io.artstore.admin.sync.SyncScheduler;
import io.artstore.admin.support.AdminApiTest;
import io.artstore.admin.support.StorageElementProcess;
import io.artstore.kernel.client.storage.SeUpload;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import io.artstore.testsupport.tls.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real storage elements (packaged jar, HTTPS with generated certificates, one edit and one
 * rw) and admin-module on an embedded PostgreSQL: registration, field-by-field equality of the
 * registry with each SE's listing, recovery after the files table is lost, deletions and
 * expiry followed, an SE that is down, mode changes through admin-module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrySyncIT extends AdminApiTest {

    private static final Path DIR;
    private static final TestCertificates CERTS;

    static {
        try {
            DIR = Files.createTempDirectory("registry-sync-it");
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        CERTS = TestCertificates.generate(DIR.resolve("pki"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("artstore.clients.se-ca-cert-path", () -> CERTS.caCert().toString());
        registry.add("artstore.admin.sync.scheduling", () -> "false");
        registry.add("artstore.admin.sync.se-retry-delay", () -> "50ms");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageElementClient seClient;
    @Autowired
    SelfTokenProvider selfToken;
    @Autowired
    RegistrySync registrySync;
    @Autowired
    DataSource dataSource;
    @Autowired
    StorageElementRepository storageElements;
    @Autowired
    SyncProperties syncProperties;
    @Autowired
    JsonMapper json;

    private StorageElementProcess edit;
    private StorageElementProcess rw;
    private String editId;
    private String rwId;

    @BeforeAll
    void startStorageElements() {
        String jwks = baseUrl() + "/api/v1/auth/jwks";
        edit = new StorageElementProcess("se-edit-it", "edit", DIR.resolve("edit"), CERTS, jwks);
        rw = new StorageElementProcess("se-rw-it", "rw", DIR.resolve("rw"), CERTS, jwks);
        Thread other = Thread.ofPlatform().start(rw::start);
        edit.start();
        try {
            other.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 12; i++) {
            upload(edit, "draft-" + i + ".txt", "draft " + i, List.of("draft", "n" + i), "temporary", 3);
        }
        for (int i = 0; i < 9; i++) {
            upload(rw, "Отчёт " + i + ".pdf", i % 2 == 0 ? null : "report " + i, List.of("report"), "permanent", null);
        }
    }

    @AfterAll
    void stopStorageElements() {
        if (edit != null) {
            edit.close();
        }
        if (rw != null) {
            rw.close();
        }
    }

    @Test
    @Order(1)
    void discoverPreviewsWithoutCreatingAnything() {
        TestHttp.Response ok = as(adminToken()).postJson("/api/v1/storage-elements/discover",
                "{\"url\":\"" + edit.url() + "/\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("storage_id").asString()).isEqualTo("se-edit-it");
        assertThat(ok.json().path("mode").asString()).isEqualTo("edit");
        assertThat(ok.json().path("capacity").path("total_bytes").asLong()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM storage_elements").query(Long.class).single()).isZero();

        for (String bad : List.of("not a url", "ftp://127.0.0.1:1", "https://", "https://host:1/?q=1")) {
            TestHttp.Response response = as(adminToken()).postJson("/api/v1/storage-elements/discover",
                    "{\"url\":\"" + bad + "\"}");
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        }
        int closed = io.artstore.testsupport.process.ProcessRunner.freePort();
        TestHttp.Response unreachable = as(adminToken()).postJson("/api/v1/storage-elements/discover",
                "{\"url\":\"https://127.0.0.1:" + closed + "\"}");
        assertThat(unreachable.status()).as(unreachable.body()).isEqualTo(502);
        assertThat(unreachable.errorCode()).isEqualTo("SE_UNAVAILABLE");
        // TLS failure: admin-module's own port speaks plain HTTP
        TestHttp.Response tls = as(adminToken()).postJson("/api/v1/storage-elements/discover",
                "{\"url\":\"https://127.0.0.1:" + port + "\"}");
        assertThat(tls.status()).as(tls.body()).isEqualTo(502);
        assertThat(tls.errorCode()).isEqualTo("SE_UNAVAILABLE");
    }

    @Test
    @Order(2)
    void registerSyncsEveryFileFieldByField() {
        editId = register("Edit SE", edit.url()).path("id").asString();
        JsonNode rwSe = register("RW SE", rw.url() + "/");
        rwId = rwSe.path("id").asString();
        assertThat(rwSe.path("url").asString()).isEqualTo(rw.url());
        assertThat(rwSe.path("mode").asString()).isEqualTo("rw");
        assertThat(rwSe.path("status").asString()).isEqualTo("online");
        assertThat(rwSe.path("last_file_sync_at").isNull()).isFalse();
        assertThat(rwSe.path("capacity_bytes").asLong()).isPositive();
        // both SEs keep their data in one temporary directory, so on one file system: one id
        JsonNode editSe = as(adminToken()).get("/api/v1/storage-elements/" + editId).json();
        assertThat(rwSe.path("filesystem_id").asString()).matches("[0-9a-f]{32}")
                .isEqualTo(editSe.path("filesystem_id").asString());
        assertThat(rwSe.path("filesystem_total_bytes").asLong()).isPositive()
                .isGreaterThanOrEqualTo(rwSe.path("capacity_bytes").asLong());
        assertThat(rwSe.path("filesystem_available_bytes").asLong()).isPositive();

        assertRegistryEqualsListing(edit, editId, 12);
        assertRegistryEqualsListing(rw, rwId, 9);

        TestHttp.Response duplicate = as(adminToken()).postJson("/api/v1/storage-elements",
                "{\"name\":\"again\",\"url\":\"" + rw.url() + "\"}");
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    @Order(3)
    void listFiltersByModeAndStatusForServiceAccounts() {
        JsonNode reader = createServiceAccount(unique("placer"), "[\"storage:read\"]");
        TestHttp sa = as(serviceToken(reader));
        JsonNode editOnline = sa.get("/api/v1/storage-elements?mode=edit&status=online&limit=1000&offset=0").json();
        assertThat(editOnline.path("total").asLong()).isEqualTo(1);
        JsonNode item = editOnline.path("items").get(0);
        assertThat(item.path("id").asString()).isEqualTo(editId);
        assertThat(item.path("storage_id").asString()).isEqualTo("se-edit-it");
        assertThat(item.path("available_bytes").asLong()).isPositive();
        assertThat(sa.get("/api/v1/storage-elements?status=offline").json().path("total").asLong()).isZero();
        assertThat(sa.get("/api/v1/storage-elements").json().path("total").asLong()).isEqualTo(2);
        assertThat(sa.get("/api/v1/storage-elements?mode=bogus").status()).isEqualTo(400);
        assertThat(sa.get("/api/v1/storage-elements/" + rwId).json().path("mode").asString()).isEqualTo("rw");
        assertThat(sa.postJson("/api/v1/storage-elements/" + rwId + "/sync", "").status()).isEqualTo(403);

        JsonNode noScope = createServiceAccount(unique("nosee"), "[\"files:read\"]");
        assertThat(as(serviceToken(noScope)).get("/api/v1/storage-elements").status()).isEqualTo(403);
        assertThat(as(adminToken()).get("/api/v1/storage-elements/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void updateNameAndUrl() {
        TestHttp.Response renamed = as(adminToken()).putJson("/api/v1/storage-elements/" + rwId,
                "{\"name\":\"Renamed\",\"url\":\"https://localhost:" + rw.port() + "\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Renamed");
        assertThat(renamed.json().path("url").asString()).isEqualTo("https://localhost:" + rw.port());
        // a URL reaching another SE is refused
        TestHttp.Response other = as(adminToken()).putJson("/api/v1/storage-elements/" + rwId,
                "{\"url\":\"" + "https://localhost:" + edit.port() + "\"}");
        assertThat(other.status()).as(other.body()).isEqualTo(400);
        TestHttp.Response taken = as(adminToken()).putJson("/api/v1/storage-elements/" + rwId,
                "{\"url\":\"" + edit.url() + "\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(as(adminToken()).putJson("/api/v1/storage-elements/" + rwId, "{}").status()).isEqualTo(400);
        TestHttp.Response back = as(adminToken()).putJson("/api/v1/storage-elements/" + rwId,
                "{\"url\":\"" + rw.url() + "\"}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void oneSyncRestoresTheRegistryAfterDatabaseLoss() {
        jdbc.sql("TRUNCATE files CASCADE").update();
        JsonNode result = sync(editId);
        assertThat(result.path("file_sync").path("files_on_se").asLong()).isEqualTo(12);
        assertThat(result.path("file_sync").path("files_added").asLong()).isEqualTo(12);
        assertThat(result.path("file_sync").path("files_updated").asLong()).isZero();
        assertThat(result.path("file_sync").path("files_marked_deleted").asLong()).isZero();
        assertThat(result.path("file_sync").has("duration_ms")).isTrue();
        assertThat(result.path("storage_element").path("id").asString()).isEqualTo(editId);
        sync(rwId);
        assertRegistryEqualsListing(edit, editId, 12);
        assertRegistryEqualsListing(rw, rwId, 9);

        JsonNode again = sync(rwId).path("file_sync");
        assertThat(again.path("files_added").asLong()).isZero();
        assertThat(again.path("files_updated").asLong()).isZero();
    }

    @Test
    @Order(6)
    void registryFollowsDeletionsAndExpiryOnTheSe() throws IOException {
        JsonNode listing = edit.http(selfToken.accessToken()).get("/api/v1/files?limit=1000").json().path("items");
        String deletedViaApi = listing.get(0).path("file_id").asString();
        String expiredOnDisk = listing.get(1).path("file_id").asString();
        String removedFromDisk = listing.get(2).path("file_id").asString();
        assertThat(edit.http(selfToken.accessToken()).delete("/api/v1/files/" + deletedViaApi).status()).isEqualTo(204);

        edit.stop();
        rewriteSidecar(edit, expiredOnDisk, "\"status\"\\s*:\\s*\"active\"", "\"status\": \"expired\"");
        // as the SE's GC does when it expires a file: the change is dated, so the newest sidecar wins
        rewriteSidecar(edit, expiredOnDisk, "\"updated_at\"\\s*:\\s*\"[^\"]*\"",
                "\"updated_at\": \"" + java.time.Instant.now() + "\"");
        removeFile(edit, removedFromDisk);
        edit.start();

        JsonNode result = sync(editId).path("file_sync");
        assertThat(result.path("files_on_se").asLong()).isEqualTo(11);
        assertThat(result.path("files_added").asLong()).isZero();
        assertThat(result.path("files_updated").asLong()).isEqualTo(2);
        assertThat(result.path("files_marked_deleted").asLong()).as("files have copies: never deleted by a sync").isZero();
        assertThat(fileStatus(deletedViaApi)).isEqualTo("deleted");
        assertThat(fileStatus(expiredOnDisk)).isEqualTo("expired");
        // gone from the SE: only that copy is missing (the replication job restores it from another copy)
        assertThat(fileStatus(removedFromDisk)).isEqualTo("active");
        assertThat(copyStatus(removedFromDisk, editId)).isEqualTo("missing");
        assertThat(copyStatus(deletedViaApi, editId)).isEqualTo("ok");
        assertRegistryEqualsListing(edit, editId, 11);
    }

    @Test
    @Order(7)
    void fileRegistryChangesGoThroughTheSe() {
        JsonNode listing = edit.http(selfToken.accessToken()).get("/api/v1/files?status=active&limit=1").json();
        String id = listing.path("items").get(0).path("file_id").asString();
        TestHttp.Response updated = as(adminToken()).putJson("/api/v1/files/" + id,
                "{\"description\":\"new words\",\"tags\":[\"a\",\"b\"]}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("description").asString()).isEqualTo("new words");
        JsonNode onSe = edit.http(selfToken.accessToken()).get("/api/v1/files/" + id).json();
        assertThat(onSe.path("description").asString()).isEqualTo("new words");
        assertThat(onSe.path("tags").toString()).isEqualTo("[\"a\",\"b\"]");

        assertThat(jdbc.sql("SELECT metadata_updated_at IS NOT NULL FROM files WHERE file_id = CAST(:id AS UUID)")
                .param("id", id).query(Boolean.class).single()).isTrue();

        // a second copy on an SE that is down: skipped while the edit SE takes the change
        String down = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO storage_elements (id, name, url, storage_id, mode, status)
                        VALUES (CAST(:id AS UUID), 'down', :url, :id, 'edit', 'online')
                        """)
                .param("id", down).param("url", "https://127.0.0.1:" + ProcessRunner.freePort()).update();
        jdbc.sql("INSERT INTO file_copies (file_id, storage_element_id, status) VALUES (CAST(:f AS UUID), CAST(:se AS UUID), 'ok')")
                .param("f", id).param("se", down).update();
        TestHttp.Response partly = as(adminToken()).putJson("/api/v1/files/" + id, "{\"description\":\"one of two\"}");
        assertThat(partly.status()).as(partly.body()).isEqualTo(200);
        assertThat(partly.json().path("copies")).hasSize(2);
        assertThat(edit.http(selfToken.accessToken()).get("/api/v1/files/" + id).json().path("description").asString())
                .isEqualTo("one of two");

        assertThat(as(adminToken()).delete("/api/v1/files/" + id).status()).isEqualTo(204);
        assertThat(edit.http(selfToken.accessToken()).get("/api/v1/files/" + id).json().path("status").asString())
                .isEqualTo("deleted");
        jdbc.sql("DELETE FROM storage_elements WHERE id = CAST(:id AS UUID)").param("id", down).update();
        assertThat(fileStatus(id)).isEqualTo("deleted");
        assertThat(as(adminToken()).delete("/api/v1/files/" + id).status()).isEqualTo(204);

        // the rw SE refuses deletes: passed through, registry unchanged
        String permanent = rw.http(selfToken.accessToken()).get("/api/v1/files?limit=1").json()
                .path("items").get(0).path("file_id").asString();
        TestHttp.Response refused = as(adminToken()).delete("/api/v1/files/" + permanent);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("MODE_NOT_ALLOWED");
        assertThat(fileStatus(permanent)).isEqualTo("active");
        JsonNode quiet = sync(editId).path("file_sync");
        assertThat(quiet.path("files_updated").asLong()).isZero();
        assertThat(quiet.path("files_marked_deleted").asLong()).isZero();
    }

    @Test
    @Order(8)
    void stoppedSeAnswers502AndIsMarkedOfflineWithNothingElseChanged() {
        List<String> filesBefore = filesTable();
        Map<String, Object> seBefore = seRow(rwId);
        rw.stop();
        try {
            TestHttp.Response response = as(adminToken()).postJson("/api/v1/storage-elements/" + rwId + "/sync", "");
            assertThat(response.status()).as(response.body()).isEqualTo(502);
            assertThat(response.errorCode()).isEqualTo("SE_UNAVAILABLE");
            JsonNode se = as(adminToken()).get("/api/v1/storage-elements/" + rwId).json();
            assertThat(se.path("status").asString()).isEqualTo("offline");
            assertThat(filesTable()).isEqualTo(filesBefore);
            Map<String, Object> seAfter = seRow(rwId);
            for (String column : List.of("name", "url", "storage_id", "mode", "capacity_bytes", "used_bytes",
                    "available_bytes", "filesystem_id", "filesystem_total_bytes", "filesystem_available_bytes",
                    "last_sync_at", "last_file_sync_at")) {
                assertThat(seAfter.get(column)).as(column).isEqualTo(seBefore.get(column));
            }
            assertThat(as(adminToken()).get("/api/v1/storage-elements?status=offline").json().path("total").asLong())
                    .isEqualTo(1);
            assertThat(http().get("/metrics").body())
                    .containsPattern("artstore_admin_sync_runs_total\\{[^}]*outcome=\"failure\",storage_id=\"se-rw-it\"} 1");
        } finally {
            rw.start();
        }
        JsonNode back = sync(rwId);
        assertThat(back.path("storage_element").path("status").asString()).isEqualTo("online");
        String metrics = http().get("/metrics").body();
        assertThat(metrics).containsPattern(
                "artstore_admin_sync_runs_total\\{[^}]*outcome=\"success\",storage_id=\"se-rw-it\"} [1-9]");
        // the per-status gauge reads the database at most every 5 s: wait for a fresh reading
        java.util.regex.Pattern online = java.util.regex.Pattern.compile(
                "artstore_admin_storage_elements\\{[^}]*mode=\"rw\",status=\"online\"} 1");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!online.matcher(http().get("/metrics").body()).find() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(http().get("/metrics").body()).containsPattern(online);
        assertThat(metrics).containsPattern(
                "artstore_admin_sync_files_total\\{[^}]*change=\"added\",storage_id=\"se-edit-it\"} [1-9]");
    }

    @Test
    @Order(9)
    void modeChangesThroughAdminModule() {
        JsonNode ro = changeMode(rwId, "ro", false, 200);
        assertThat(ro.path("previous_mode").asString()).isEqualTo("rw");
        assertThat(ro.path("current_mode").asString()).isEqualTo("ro");
        assertThat(ro.path("storage_element").path("mode").asString()).isEqualTo("ro");
        assertThat(rw.http(null).get("/api/v1/info").json().path("mode").asString()).isEqualTo("ro");

        assertThat(changeMode(rwId, "rw", false, 409).path("error").path("code").asString())
                .isEqualTo("CONFIRMATION_REQUIRED");
        assertThat(changeMode(rwId, "edit", false, 409).path("error").path("code").asString())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(changeMode(rwId, "rw", true, 200).path("current_mode").asString()).isEqualTo("rw");
        assertThat(changeMode(rwId, "ar", false, 409).path("error").path("code").asString())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(changeMode(editId, "ro", false, 409).path("error").path("code").asString())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(as(adminToken()).get("/api/v1/storage-elements/" + rwId).json().path("mode").asString())
                .isEqualTo("rw");
        assertThat(as(adminToken()).get("/api/v1/storage-elements/" + editId).json().path("mode").asString())
                .isEqualTo("edit");
        assertThat(as(adminToken()).postJson("/api/v1/storage-elements/" + rwId + "/mode",
                "{\"target_mode\":\"xx\"}").status()).isEqualTo(400);

        JsonNode reader = createUser(unique("reader"), "reader-Password-1", "readonly");
        String readerToken = loginToken(reader.path("username").asString(), "reader-Password-1");
        assertThat(as(readerToken).postJson("/api/v1/storage-elements/" + rwId + "/mode",
                "{\"target_mode\":\"ro\"}").status()).isEqualTo(403);
    }

    @Test
    @Order(10)
    void deleteLeavesTheSeFilesAndReRegisteringRestoresTheRows() {
        List<String> rwFiles = rw.http(selfToken.accessToken()).get("/api/v1/files?limit=1000").json().path("items")
                .findValuesAsString("file_id");
        assertThat(as(adminToken()).delete("/api/v1/storage-elements/" + rwId).status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM files WHERE storage_element_id = CAST(:id AS UUID)")
                .param("id", rwId).query(Long.class).single()).isZero();
        // the files outlive the SE record (their copies on it are gone from the registry)
        for (String file : rwFiles) {
            JsonNode row = as(adminToken()).get("/api/v1/files/" + file).json();
            assertThat(row.path("storage_element_id").isNull()).as(file).isTrue();
            assertThat(row.path("copies")).isEmpty();
        }
        assertThat(as(adminToken()).get("/api/v1/storage-elements/" + rwId).status()).isEqualTo(404);
        assertThat(rw.http(selfToken.accessToken()).get("/api/v1/files").json().path("total").asLong()).isEqualTo(9);

        rwId = register("RW again", rw.url()).path("id").asString();
        assertRegistryEqualsListing(rw, rwId, 9);
    }

    @Test
    @Order(11)
    void tenThousandFilesSync() throws Exception {
        int count = 10_000;
        Path dir = DIR.resolve("big");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            byte[] content = ("file " + i).getBytes(StandardCharsets.UTF_8);
            String storageName = "big-" + i + "_it_20260101T000000Z_" + id + ".txt";
            Files.write(data.resolve(storageName), content);
            String checksum = HexFormat.of().formatHex(sha.digest(content));
            Instant uploadedAt = base.plusSeconds(i);
            String sidecar = """
                    {"file_id":"%s","original_filename":"big-%d.txt","content_type":"text/plain","size":%d,
                     "checksum":"%s","uploaded_by":"bulk-loader","uploaded_at":"%s","description":"bulk %d",
                     "tags":["bulk","t%d"],"status":"active","retention_policy":"permanent","ttl_days":null,
                     "expires_at":null,"storage_filename":"%s"}
                    """.formatted(id, i, content.length, checksum, uploadedAt, i, i % 10, storageName);
            Files.writeString(data.resolve(storageName + ".attr.json"), sidecar);
        }
        try (StorageElementProcess big = new StorageElementProcess("se-big-it", "rw", dir, CERTS,
                baseUrl() + "/api/v1/auth/jwks").start()) {
            assertThat(big.http(selfToken.accessToken()).get("/api/v1/files?limit=1").json().path("total").asLong())
                    .isEqualTo(count);
            String bigId = register("Big SE", big.url()).path("id").asString();
            assertThat(countRows(bigId)).isEqualTo(count);

            jdbc.sql("DELETE FROM files WHERE storage_element_id = CAST(:id AS UUID)").param("id", bigId).update();
            long started = System.nanoTime();
            JsonNode result = sync(bigId).path("file_sync");
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(result.path("files_on_se").asLong()).isEqualTo(count);
            assertThat(result.path("files_added").asLong()).isEqualTo(count);
            assertThat(countRows(bigId)).isEqualTo(count);
            System.out.printf("REGISTRY SYNC: %d files in %.2f s = %.0f files/s (pages of 1000, over HTTPS)%n",
                    count, seconds, count / seconds);

            long quietStarted = System.nanoTime();
            JsonNode quiet = sync(bigId).path("file_sync");
            double quietSeconds = (System.nanoTime() - quietStarted) / 1e9;
            assertThat(quiet.path("files_added").asLong()).isZero();
            assertThat(quiet.path("files_updated").asLong()).isZero();
            System.out.printf("REGISTRY SYNC (no changes): %d files in %.2f s = %.0f files/s%n",
                    count, quietSeconds, count / quietSeconds);
            assertThat(as(adminToken()).delete("/api/v1/storage-elements/" + bigId).status()).isEqualTo(204);
        }
    }

    @Test
    @Order(12)
    void neverTwoSyncsOfOneSeAtOnce() throws Exception {
        UUID id = UUID.fromString(editId);
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, RegistrySync.lockIdOf(id));
                lock.execute();
            }
            assertThat(registrySync.syncIfIdle(id)).isEmpty();
            CompletableFuture<SyncReport> waiting = CompletableFuture.supplyAsync(() -> registrySync.sync(id));
            Thread.sleep(1500);
            assertThat(waiting).isNotDone();
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, RegistrySync.lockIdOf(id));
                unlock.execute();
            }
            assertThat(waiting.get(60, TimeUnit.SECONDS).filesOnSe()).isEqualTo(11);
        }
    }

    @Test
    @Order(13)
    void infoRefreshFullySyncsAnSeWhoseRowsAreMissing() {
        jdbc.sql("TRUNCATE files CASCADE").update();
        SyncScheduler scheduler = new SyncScheduler(storageElements, registrySync, syncProperties);
        try {
            scheduler.refreshAll();
        } finally {
            scheduler.shutdown();
        }
        assertRegistryEqualsListing(edit, editId, 11);
        assertRegistryEqualsListing(rw, rwId, 9);
    }

    @Test
    @Order(14)
    void metadataWithTabsNewlinesBackslashesQuotesAndUnicodeSurvivesTheSync() throws Exception {
        Path dir = DIR.resolve("odd");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        List<Map<String, Object>> odd = List.of(
                odd("tab\there.txt", "line 1\nline 2\r\nend", List.of("a,b", "{c}", "say \"hi\"")),
                odd("back\\slash \\N \\t.txt", null, List.of("back\\slash", "NULL", "")),
                odd("Отчёт «годовой» 'q' \"dq\" 日本 😀.pdf", "описание\tс табом", List.of("тег", "日本", "tab\tin tag")),
                odd("plain.txt", "", List.of()));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < odd.size(); i++) {
            Map<String, Object> sidecar = new java.util.LinkedHashMap<>(odd.get(i));
            byte[] content = ("odd " + i).getBytes(StandardCharsets.UTF_8);
            String storageName = "odd-" + i + "_it_20260101T000000Z_" + sidecar.get("file_id") + ".txt";
            sidecar.put("size", content.length);
            sidecar.put("checksum", HexFormat.of().formatHex(sha.digest(content)));
            sidecar.put("storage_filename", storageName);
            Files.write(data.resolve(storageName), content);
            Files.writeString(data.resolve(storageName + ".attr.json"), json.writeValueAsString(sidecar));
        }
        try (StorageElementProcess oddSe = new StorageElementProcess("se-odd-it", "rw", dir, CERTS,
                baseUrl() + "/api/v1/auth/jwks").start()) {
            String oddId = register("Odd SE", oddSe.url()).path("id").asString();
            assertRegistryEqualsListing(oddSe, oddId, odd.size());
            assertThat(jdbc.sql("""
                            SELECT coalesce(description, '<null>') FROM files
                            WHERE storage_element_id = CAST(:id AS UUID) ORDER BY original_filename COLLATE "C"
                            """).param("id", oddId).query(String.class).list())
                    .containsExactly("<null>", "", "line 1\nline 2\r\nend", "описание\tс табом");

            JsonNode again = sync(oddId).path("file_sync");
            assertThat(again.path("files_added").asLong()).isZero();
            assertThat(again.path("files_updated").asLong()).as("every staged value equals the stored one").isZero();
            assertThat(again.path("files_marked_deleted").asLong()).isZero();
            assertThat(as(adminToken()).delete("/api/v1/storage-elements/" + oddId).status()).isEqualTo(204);
        }
    }

    private static Map<String, Object> odd(String name, String description, List<String> tags) {
        Map<String, Object> sidecar = new java.util.LinkedHashMap<>();
        sidecar.put("file_id", UUID.randomUUID().toString());
        sidecar.put("original_filename", name);
        sidecar.put("content_type", "text/plain");
        sidecar.put("uploaded_by", "odd\\loader\t1");
        sidecar.put("uploaded_at", "2026-01-01T00:00:00.123456Z");
        sidecar.put("description", description);
        sidecar.put("tags", tags);
        sidecar.put("status", "active");
        sidecar.put("retention_policy", "temporary");
        sidecar.put("ttl_days", 30);
        sidecar.put("expires_at", "2026-01-31T00:00:00.123456Z");
        return sidecar;
    }

    private long countRows(String seId) {
        return jdbc.sql("SELECT count(*) FROM files WHERE storage_element_id = CAST(:id AS UUID)")
                .param("id", seId).query(Long.class).single();
    }

    // ----------------------------------------------------------------------------------------

    private void upload(StorageElementProcess se, String name, String description, List<String> tags,
                        String retention, Integer ttl) {
        byte[] content = (name + " content " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        seClient.upload(se.url(), new SeUpload(name, "text/plain", description, tags, retention, ttl, null),
                new ByteArrayInputStream(content));
    }

    private JsonNode register(String name, String url) {
        TestHttp.Response response = as(adminToken()).postJson("/api/v1/storage-elements",
                "{\"name\":\"" + name + "\",\"url\":\"" + url + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode sync(String id) {
        TestHttp.Response response = as(adminToken()).postJson("/api/v1/storage-elements/" + id + "/sync", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode changeMode(String id, String target, boolean confirm, int expectedStatus) {
        TestHttp.Response response = as(adminToken()).postJson("/api/v1/storage-elements/" + id + "/mode",
                "{\"target_mode\":\"" + target + "\",\"confirm\":" + confirm + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        return response.json();
    }

    private String fileStatus(String id) {
        return as(adminToken()).get("/api/v1/files/" + id).json().path("status").asString();
    }

    private static final List<String> FIELDS = List.of("file_id", "original_filename", "content_type", "size",
            "checksum", "uploaded_by", "uploaded_at", "description", "tags", "status", "retention_policy", "ttl_days",
            "expires_at");

    /** Every file of the SE's listing has a registry row with equal fields, and no row is extra. */
    private void assertRegistryEqualsListing(StorageElementProcess se, String seId, int expected) {
        JsonNode listing = se.http(selfToken.accessToken()).get("/api/v1/files?limit=1000").json();
        assertThat(listing.path("total").asLong()).isEqualTo(expected);
        JsonNode registry = as(adminToken()).get("/api/v1/files?limit=1000&storage_element_id=" + seId).json();
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : registry.path("items")) {
            rows.put(row.path("file_id").asString(), row);
            assertThat(row.path("storage_element_id").asString()).isEqualTo(seId);
            assertThat(row.has("storage_filename")).isFalse();
        }
        List<String> onSe = new ArrayList<>();
        for (JsonNode file : listing.path("items")) {
            String id = file.path("file_id").asString();
            onSe.add(id);
            JsonNode row = rows.get(id);
            assertThat(row).as("registry row of " + id).isNotNull();
            for (String field : FIELDS) {
                assertThat(normalize(field, row.path(field))).as(id + " " + field)
                        .isEqualTo(normalize(field, file.path(field)));
            }
        }
        for (String id : onSe) {
            assertThat(rows.get(id).path("copies").findValuesAsString("storage_element_id")).as(id).contains(seId);
        }
        List<String> extra = rows.keySet().stream().filter(id -> !onSe.contains(id))
                .filter(id -> !"deleted".equals(rows.get(id).path("status").asString()))
                .filter(id -> !"missing".equals(copyStatus(id, seId))).toList();
        assertThat(extra).as("active registry rows the SE does not list (and whose copy there is not missing)").isEmpty();
    }

    private static String normalize(String field, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "null";
        }
        if (field.endsWith("_at")) {
            return Instant.parse(value.asString()).truncatedTo(ChronoUnit.MICROS).toString();
        }
        return value.toString();
    }

    private String copyStatus(String fileId, String seId) {
        return jdbc.sql("""
                        SELECT status FROM file_copies
                        WHERE file_id = CAST(:f AS UUID) AND storage_element_id = CAST(:se AS UUID)
                        """)
                .param("f", fileId).param("se", seId).query(String.class).single();
    }

    private List<String> filesTable() {
        return jdbc.sql("SELECT to_jsonb(f)::text FROM files f ORDER BY file_id").query(String.class).list();
    }

    private Map<String, Object> seRow(String id) {
        return jdbc.sql("SELECT * FROM storage_elements WHERE id = CAST(:id AS UUID)").param("id", id).query().singleRow();
    }

    private static Path sidecarOf(StorageElementProcess se, String fileId) throws IOException {
        try (Stream<Path> files = Files.list(se.dataDir())) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".attr.json")).toList()) {
                if (Files.readString(file).contains(fileId)) {
                    return file;
                }
            }
        }
        throw new IllegalStateException("No sidecar for " + fileId);
    }

    private static void rewriteSidecar(StorageElementProcess se, String fileId, String from, String to) throws IOException {
        Path sidecar = sidecarOf(se, fileId);
        String content = Files.readString(sidecar);
        String changed = content.replaceAll(from, to);
        assertThat(changed).isNotEqualTo(content);
        Files.writeString(sidecar, changed);
    }

    private static void removeFile(StorageElementProcess se, String fileId) throws IOException {
        Path sidecar = sidecarOf(se, fileId);
        String name = sidecar.getFileName().toString();
        Files.delete(se.dataDir().resolve(name.substring(0, name.length() - ".attr.json".length())));
        Files.delete(sidecar);
    }
}
