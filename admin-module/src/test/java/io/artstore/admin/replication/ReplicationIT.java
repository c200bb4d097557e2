package io.artstore.admin.replication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.artstore.admin.common.Timestamps;
import io.artstore.admin.storage.StorageElement;
import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import io.artstore.admin.support.AdminApiTest;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.testsupport.http.TestHttp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication job against stub storage elements (embedded HTTP servers answering download
 * and the design's copy endpoint) and admin-module on an embedded PostgreSQL: a copy made and
 * byte-identical, two passes at once copying each file once, a dead replica's claim taken over,
 * a drain, a failed copy, files never replicated, and the SE registry's site and drain endpoints.
 */
class ReplicationIT extends AdminApiTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("artstore.admin.sync.scheduling", () -> "false");
        registry.add("artstore.admin.replication.scheduling", () -> "false");
        registry.add("artstore.admin.replication.batch", () -> "4");
    }

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private StorageElementRepository storageElements;
    @Autowired
    private ReplicationJob job;
    @Autowired
    private ReplicationRepository repository;
    @Autowired
    private StorageElementCalls calls;
    @Autowired
    private CopyPolicy policy;
    @Autowired
    private ReplicationProperties properties;
    @Autowired
    private MeterRegistry meters;

    private final List<StubStorageElement> stubs = new ArrayList<>();

    @BeforeEach
    void emptyRegistry() {
        jdbc.sql("DELETE FROM files").update();
        jdbc.sql("DELETE FROM storage_elements").update();
    }

    @AfterEach
    void stopStubs() {
        stubs.forEach(StubStorageElement::stop);
        stubs.clear();
    }

    @Test
    void aFileOnOneSeGetsASecondCopyByteIdentical() {
        StubStorageElement a = stub();
        StubStorageElement b = stub();
        UUID seA = register(a, "a", StorageMode.RW);
        UUID seB = register(b, "b", StorageMode.RW);
        byte[] content = "the only copy of a document".repeat(1000).getBytes(StandardCharsets.UTF_8);
        UUID fileId = file(RetentionPolicy.PERMANENT, null, content, a, seA);

        TestHttp.Response status = as(adminToken()).get("/api/v1/replication/status");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().path("files_under_replicated").asLong()).isEqualTo(1);
        assertThat(status.json().path("files_without_healthy_copy").asLong()).isZero();

        TestHttp.Response run = as(adminToken()).postJson("/api/v1/replication/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        JsonNode report = run.json();
        assertThat(report.path("files_claimed").asLong()).isEqualTo(1);
        assertThat(report.path("copies_made").asLong()).isEqualTo(1);
        assertThat(report.path("copies_failed").asLong()).isZero();
        assertThat(report.path("bytes_copied").asLong()).isEqualTo(content.length);
        assertThat(report.has("duration_ms")).isTrue();

        assertThat(b.content(fileId)).isEqualTo(content);
        try (var download = calls.download(b.url(), fileId)) {
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.body().readAllBytes()).isEqualTo(content);
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
        assertThat(copyStatus(fileId, seB)).isEqualTo(CopyStatus.OK.value());
        assertThat(jdbc.sql("SELECT verified_at IS NOT NULL FROM file_copies WHERE file_id = :f AND storage_element_id = :s")
                .param("f", fileId).param("s", seB).query(Boolean.class).single()).isTrue();
        assertThat(claimedBy(fileId)).isNull();

        JsonNode after = as(adminToken()).get("/api/v1/replication/status").json();
        assertThat(after.path("files_under_replicated").asLong()).isZero();
        assertThat(after.path("pending_copies").asLong()).isZero();
        assertThat(after.path("last_run_at").isNull()).isFalse();
        assertThat(meters.get("artstore.admin.replication.copies").tag("result", "ok").counter().count()).isGreaterThan(0);

        // nothing more to do: a second pass claims nothing
        assertThat(job.runPass().filesClaimed()).isZero();
        assertThat(b.copiesReceived(fileId)).isEqualTo(1);
    }

    @Test
    void twoJobsAtOnceCopyEachFileOnce() throws Exception {
        StubStorageElement a = stub();
        StubStorageElement b = stub();
        UUID seA = register(a, "a", StorageMode.RW);
        register(b, "b", StorageMode.RW);
        b.slowCopies(30);
        List<UUID> fileIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fileIds.add(file(RetentionPolicy.PERMANENT, null, ("file " + i).getBytes(StandardCharsets.UTF_8), a, seA));
        }
        ReplicationJob other = new ReplicationJob(repository, storageElements, calls, policy, properties,
                new ReplicationMetrics(repository, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), clock),
                clock, "other-replica");
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Long>> passes = List.of(() -> drain(job), () -> drain(other), () -> drain(job));
            long made = 0;
            for (Future<Long> pass : threads.invokeAll(passes)) {
                made += pass.get();
            }
            assertThat(made).isEqualTo(20);
        } finally {
            threads.shutdownNow();
            other.shutdown();
        }
        for (UUID fileId : fileIds) {
            assertThat(b.copiesReceived(fileId)).as("copies of %s received", fileId).isEqualTo(1);
            assertThat(okCopies(fileId)).isEqualTo(2);
        }
    }

    @Test
    void theClaimOfADeadReplicaIsTakenOverALiveOneIsNot() {
        StubStorageElement a = stub();
        StubStorageElement b = stub();
        UUID seA = register(a, "a", StorageMode.RW);
        register(b, "b", StorageMode.RW);
        UUID abandoned = file(RetentionPolicy.PERMANENT, null, "abandoned".getBytes(StandardCharsets.UTF_8), a, seA);
        UUID held = file(RetentionPolicy.PERMANENT, null, "held".getBytes(StandardCharsets.UTF_8), a, seA);
        Instant now = Timestamps.now(clock);
        claim(abandoned, "dead-replica", now.minus(Duration.ofMinutes(1)));
        claim(held, "live-replica", now.plus(Duration.ofMinutes(5)));

        PassReport report = job.runPass();

        assertThat(report.filesClaimed()).isEqualTo(1);
        assertThat(report.copiesMade()).isEqualTo(1);
        assertThat(b.copiesReceived(abandoned)).isEqualTo(1);
        assertThat(claimedBy(abandoned)).isNull();
        assertThat(b.copiesReceived(held)).isZero();
        assertThat(claimedBy(held)).isEqualTo("live-replica");
    }

    @Test
    void aFailedCopyLeavesNoPendingRowAndRecordsTheError() {
        StubStorageElement a = stub();
        StubStorageElement b = stub();
        UUID seA = register(a, "a", StorageMode.RW);
        UUID seB = register(b, "b", StorageMode.RW);
        UUID fileId = file(RetentionPolicy.PERMANENT, null, "unlucky".getBytes(StandardCharsets.UTF_8), a, seA);
        b.stop();

        PassReport report = job.runPass();

        assertThat(report.filesClaimed()).isEqualTo(1);
        assertThat(report.copiesMade()).isZero();
        assertThat(report.copiesFailed()).isEqualTo(1);
        assertThat(copyStatus(fileId, seB)).isNull();
        Map<String, Object> row = jdbc.sql("""
                        SELECT replication_attempts, replication_last_error, replication_claim_until FROM files
                        WHERE file_id = :f""").param("f", fileId).query().singleRow();
        assertThat(row.get("replication_attempts")).isEqualTo(1);
        assertThat((String) row.get("replication_last_error")).contains("failed");
        Instant until = ((java.sql.Timestamp) row.get("replication_claim_until")).toInstant();
        // back-off: 2^1 x interval (1m)
        assertThat(until).isCloseTo(Timestamps.now(clock).plus(Duration.ofMinutes(2)), within(Duration.ofSeconds(30)));
        assertThat(as(adminToken()).get("/api/v1/replication/status").json().path("pending_copies").asLong()).isZero();

        // not retried before the back-off ran out; after it, the copy is tried again
        assertThat(job.runPass().filesClaimed()).isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(job.runPass().filesClaimed()).isEqualTo(1);
    }

    @Test
    void deletedAndSoonExpiringFilesAreNeverReplicated() {
        StubStorageElement a = stub();
        StubStorageElement b = stub();
        StubStorageElement e1 = stub();
        StubStorageElement e2 = stub();
        UUID seA = register(a, "a", StorageMode.RW);
        register(b, "b", StorageMode.RW);
        UUID seE1 = register(e1, "a", StorageMode.EDIT);
        register(e2, "b", StorageMode.EDIT);
        UUID deleted = file(RetentionPolicy.PERMANENT, null, "gone".getBytes(StandardCharsets.UTF_8), a, seA);
        jdbc.sql("UPDATE files SET status = :s WHERE file_id = :f").param("s", FileStatus.DELETED.value())
                .param("f", deleted).update();
        UUID expiring = file(RetentionPolicy.TEMPORARY, Timestamps.now(clock).plus(Duration.ofMinutes(30)),
                "soon gone".getBytes(StandardCharsets.UTF_8), e1, seE1);
        UUID later = file(RetentionPolicy.TEMPORARY, Timestamps.now(clock).plus(Duration.ofDays(3)),
                "later".getBytes(StandardCharsets.UTF_8), e1, seE1);
        // the edit SE holding both temporaries is drained: both want a copy elsewhere
        as(adminToken()).postJson("/api/v1/storage-elements/" + seE1 + "/drain", "");

        PassReport report = job.runPass();

        assertThat(report.filesClaimed()).isEqualTo(1);
        assertThat(e2.copiesReceived(later)).isEqualTo(1);
        assertThat(e2.copiesReceived(expiring)).isZero();
        assertThat(b.copiesReceived(deleted)).isZero();
    }

    @Test
    void aDrainMovesTheFilesOffAnSe() {
        StubStorageElement a = stub();
        StubStorageElement b = stub();
        StubStorageElement c = stub();
        UUID seA = register(a, "a", StorageMode.RW);
        UUID seB = register(b, "b", StorageMode.RW);
        register(c, "c", StorageMode.RW);
        List<UUID> fileIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] content = ("drained " + i).getBytes(StandardCharsets.UTF_8);
            UUID fileId = file(RetentionPolicy.PERMANENT, null, content, a, seA);
            b.put(fileId, content);
            copy(fileId, seB);
            fileIds.add(fileId);
        }
        assertThat(job.runPass().filesClaimed()).isZero();

        TestHttp.Response drain = as(adminToken()).postJson("/api/v1/storage-elements/" + seA + "/drain", "");
        assertThat(drain.status()).as(drain.body()).isEqualTo(202);
        assertThat(drain.json().path("drain_requested_at").isNull()).isFalse();
        assertThat(drain.json().path("drain").path("files_total").asLong()).isEqualTo(6);
        assertThat(drain.json().path("drain").path("files_remaining").asLong()).isEqualTo(6);

        long made = drain(job);

        assertThat(made).isEqualTo(6);
        for (UUID fileId : fileIds) {
            assertThat(c.copiesReceived(fileId)).isEqualTo(1);
        }
        JsonNode view = as(adminToken()).get("/api/v1/storage-elements/" + seA).json();
        assertThat(view.path("drain").path("files_total").asLong()).isEqualTo(6);
        assertThat(view.path("drain").path("files_remaining").asLong()).isZero();
        JsonNode listed = as(adminToken()).get("/api/v1/storage-elements").json().path("items");
        assertThat(listed.valueStream().filter(se -> se.path("id").asString().equals(seA.toString()))
                .findFirst().orElseThrow().path("drain").path("files_remaining").asLong()).isZero();

        TestHttp.Response cancel = as(adminToken()).delete("/api/v1/storage-elements/" + seA + "/drain");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().path("drain_requested_at").isNull()).isTrue();
        assertThat(cancel.json().path("drain").isNull()).isTrue();
    }

    @Test
    void theSiteLabelIsSetValidatedAndDefaultsToTheSeId() {
        StubStorageElement a = stub();
        UUID seA = register(a, null, StorageMode.RW);
        JsonNode view = as(adminToken()).get("/api/v1/storage-elements/" + seA).json();
        assertThat(view.path("site").asString()).isEqualTo(seA.toString());
        assertThat(view.path("drain").isNull()).isTrue();
        assertThat(view.has("last_scrub_at")).isTrue();

        TestHttp.Response patched = as(adminToken()).patchJson("/api/v1/storage-elements/" + seA, "{\"site\":\"north\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("site").asString()).isEqualTo("north");

        TestHttp.Response tooLong = as(adminToken()).patchJson("/api/v1/storage-elements/" + seA,
                "{\"site\":\"" + "x".repeat(101) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("VALIDATION_ERROR");
        TestHttp.Response blank = as(adminToken()).putJson("/api/v1/storage-elements/" + seA, "{\"site\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(as(adminToken()).get("/api/v1/storage-elements/" + seA).json().path("site").asString())
                .isEqualTo("north");

        assertThat(as(adminToken()).postJson("/api/v1/storage-elements/" + UUID.randomUUID() + "/drain", "").status())
                .isEqualTo(404);
    }

    @Test
    void readonlyReadsTheStatusButRunsNothing() {
        String name = unique("viewer");
        createUser(name, "viewer-Secret-1", "readonly");
        String token = loginToken(name, "viewer-Secret-1");
        assertThat(as(token).get("/api/v1/replication/status").status()).isEqualTo(200);
        assertThat(as(token).postJson("/api/v1/replication/run", "").status()).isEqualTo(403);
        assertThat(as(token).postJson("/api/v1/storage-elements/" + UUID.randomUUID() + "/drain", "").status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/replication/status").status()).isEqualTo(401);
    }

    @Test
    void theEndpointsAreDocumented() {
        TestHttp.Response docs = http().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/replication/run", "/api/v1/replication/status",
                "/api/v1/storage-elements/{id}/drain");
        JsonNode schemas = docs.json().path("components").path("schemas");
        assertThat(schemas.path("ReplicationStatus").path("properties").has("files_without_healthy_copy")).isTrue();
        assertThat(schemas.path("ReplicationPassReport").path("properties").has("bytes_copied")).isTrue();
        assertThat(schemas.path("StorageElement").path("properties").has("drain_requested_at")).isTrue();
        assertThat(docs.json().path("paths").path("/api/v1/storage-elements/{id}").has("patch")).isTrue();
    }

    /** Runs passes until one claims nothing; returns the copies made. */
    private static long drain(ReplicationJob job) {
        long made = 0;
        for (int i = 0; i < 100; i++) {
            PassReport report = job.runPass();
            made += report.copiesMade();
            if (report.filesClaimed() == 0) {
                return made;
            }
        }
        throw new AssertionError("passes never ran dry");
    }

    private StubStorageElement stub() {
        try {
            StubStorageElement stub = new StubStorageElement();
            stubs.add(stub);
            return stub;
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }

    private UUID register(StubStorageElement stub, String site, StorageMode mode) {
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now(clock);
        storageElements.insert(new StorageElement(id, "stub " + id, stub.url(), "se-" + id, mode.value(),
                StorageElementStatus.ONLINE.value(), 1_000_000, 0, 1_000_000, null, null, null, now, now, now, now,
                site, null, null));
        return id;
    }

    private UUID file(RetentionPolicy retention, Instant expiresAt, byte[] content, StubStorageElement on, UUID seId) {
        UUID fileId = UUID.randomUUID();
        on.put(fileId, content);
        Instant now = Timestamps.now(clock).truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                        INSERT INTO files (file_id, original_filename, content_type, size, checksum, storage_element_id,
                                           uploaded_by, uploaded_at, description, tags, status, retention_policy,
                                           ttl_days, expires_at)
                        VALUES (:id, 'doc.bin', 'application/octet-stream', :size, :checksum, :se, 'tester', :now,
                                'a document', '{}', :status, :retention, :ttl, :expires)
                        """)
                .param("id", fileId)
                .param("size", content.length)
                .param("checksum", StubStorageElement.sha256(content))
                .param("se", seId)
                .param("now", Timestamps.sql(now))
                .param("status", FileStatus.ACTIVE.value())
                .param("retention", retention.value())
                .param("ttl", expiresAt == null ? null : 7)
                .param("expires", Timestamps.sql(expiresAt))
                .update();
        copy(fileId, seId);
        return fileId;
    }

    private void copy(UUID fileId, UUID seId) {
        jdbc.sql("INSERT INTO file_copies (file_id, storage_element_id, status) VALUES (:f, :s, :status)")
                .param("f", fileId).param("s", seId).param("status", CopyStatus.OK.value()).update();
    }

    private void claim(UUID fileId, String owner, Instant until) {
        jdbc.sql("UPDATE files SET replication_claimed_by = :o, replication_claim_until = :u WHERE file_id = :f")
                .param("o", owner).param("u", Timestamps.sql(until)).param("f", fileId).update();
    }

    private String claimedBy(UUID fileId) {
        return jdbc.sql("SELECT replication_claimed_by FROM files WHERE file_id = :f").param("f", fileId)
                .query((rs, row) -> rs.getString(1)).list().getFirst();
    }

    private String copyStatus(UUID fileId, UUID seId) {
        return jdbc.sql("SELECT status FROM file_copies WHERE file_id = :f AND storage_element_id = :s")
                .param("f", fileId).param("s", seId).query((rs, row) -> rs.getString(1)).list().stream()
                .findFirst().orElse(null);
    }

    private long okCopies(UUID fileId) {
        return jdbc.sql("SELECT count(*) FROM file_copies WHERE file_id = :f AND status = :ok")
                .param("f", fileId).param("ok", CopyStatus.OK.value()).query(Long.class).single();
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
    }
}
