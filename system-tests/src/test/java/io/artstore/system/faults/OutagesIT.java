package io.artstore.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static io.artstore.system.faults.FaultStack.SE_EDIT;
import static io.artstore.system.faults.FaultStack.SE_RW;
import static io.artstore.system.faults.FaultStack.SE_RW_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies going away under a running stack: admin-module killed, a storage element
 * killed or hung (a proxy that accepts and never answers), a storage element out of space.
 * Client timeouts are short here (6 s towards SEs) so "bounded" is visible; the bounds
 * asserted are far above them, this is not a timing test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutagesIT {

    static final long RW_CAPACITY = 4L * 1024 * 1024;
    /** Generous upper bound for "answers quickly" — the configured timeouts are 3 s (admin) and 6 s (SE). */
    private static final Duration BOUND = Duration.ofSeconds(45);

    private static FaultStack stack;

    @BeforeAll
    static void boot() {
        stack = FaultStack.start("outages", Map.of(
                // the periodic SE refresh is pushed out of the way so the test decides when admin looks
                "admin-module", Map.of("AM_SE_REFRESH_INTERVAL", "1h"),
                SE_RW, Map.of("SE_MAX_CAPACITY", Long.toString(RW_CAPACITY)),
                SE_RW_B, Map.of("SE_MAX_CAPACITY", Long.toString(RW_CAPACITY)),
                "ingester-module", Map.of("IG_SE_UPLOAD_TIMEOUT", "6s", "IG_ADMIN_TIMEOUT", "3s",
                        "IG_REGISTER_DELAY", "50ms"),
                "query-module", Map.of("QM_SE_DOWNLOAD_TIMEOUT", "6s", "QM_ADMIN_TIMEOUT", "3s")));
    }

    @AfterAll
    static void shutdown() {
        if (stack != null) {
            stack.close();
        }
    }

    /** What an answer was and how long it took. */
    record Timed(TestHttp.Response response, Duration took) {
        @Override
        public String toString() {
            return response.status() + " " + response.errorCode() + " in " + took.toMillis() + " ms";
        }
    }

    static Timed timed(Supplier<TestHttp.Response> call) {
        Instant start = Instant.now();
        TestHttp.Response response = call.get();
        return new Timed(response, Duration.between(start, Instant.now()));
    }

    /** 502 {@code SE_UNAVAILABLE}, answered within the bounded client timeout. */
    private static void assertSeUnavailableWithinBound(Timed call) {
        assertThat(call.response().status()).as(call.toString()).isEqualTo(502);
        assertThat(call.response().errorCode()).isEqualTo("SE_UNAVAILABLE");
        assertThat(call.took()).isLessThan(BOUND);
    }

    private static Multipart temporary(String name, int size, long seed) {
        return Multipart.form().field("ttl_days", "5").field("tags", "[\"fault\"]").file(name, "application/pdf",
                Content.bytes(size, seed));
    }

    private static long filesOnSes() {
        return FaultStack.distinctFiles(stack.seData(SE_EDIT), stack.seData(SE_RW), stack.seData(SE_RW_B));
    }

    private static void assertNothingHalfDone() {
        for (String se : new String[]{SE_EDIT, SE_RW, SE_RW_B}) {
            assertThat(FaultStack.leftovers(stack.seData(se), stack.seWal(se))).as("leftovers on " + se).isEmpty();
        }
    }

    private static String uploadOk(TestHttp ingester, String name, long seed) {
        TestHttp.Response response = FaultStack.upload(ingester, temporary(name, 20_000, seed));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("file_id").asString();
    }

    @Test
    @Order(1)
    void adminDownKeepsSeAndQueryServingAndTheIngesterRefusesCleanly() {
        String adminToken = stack.adminToken();
        TestHttp ingester = stack.ingester(stack.serviceToken("ingest"));
        TestHttp query = stack.query(stack.serviceToken("search"));
        TestHttp se = stack.storageElement(stack.seUrl(SE_EDIT), adminToken);
        // warm-up: every service has seen admin's keys and has its own service token
        String id = uploadOk(ingester, "before-outage.pdf", 1);
        assertThat(FaultStack.download(query, "/api/v1/files/" + id + "/download").status()).isEqualTo(200);
        assertThat(se.get("/api/v1/files/" + id).status()).isEqualTo(200);
        long before = filesOnSes();

        stack.process("admin-module").kill();
        try {
            assertThat(se.get("/api/v1/files/" + id).status()).as("SE metadata on cached JWKS").isEqualTo(200);
            FaultStack.Download fromSe = FaultStack.download(se, "/api/v1/files/" + id + "/download");
            assertThat(fromSe.status()).isEqualTo(200);
            assertThat(fromSe.sha256()).isEqualTo(Content.sha256(Content.bytes(20_000, 1)));
            assertThat(query.get("/api/v1/files/" + id).status()).as("query metadata").isEqualTo(200);
            FaultStack.Download fromQuery = FaultStack.download(query, "/api/v1/files/" + id + "/download");
            assertThat(fromQuery.status()).as(fromQuery.body()).isEqualTo(200);
            assertThat(fromQuery.sha256()).isEqualTo(fromSe.sha256());
            TestHttp.Response search = query.postJson("/api/v1/search",
                    "{\"query\":\"before-outage\",\"mode\":\"partial\"}");
            assertThat(search.status()).as(search.toString()).isEqualTo(200);

            Timed refused = timed(() -> FaultStack.upload(ingester, temporary("during-outage.pdf", 20_000, 2)));
            System.out.println("[faults] ingester upload with admin-module down: " + refused);
            assertThat(refused.response().status()).as(refused.toString()).isIn(502, 503);
            assertThat(refused.response().errorCode()).isEqualTo("ADMIN_UNAVAILABLE");
            assertThat(refused.took()).isLessThan(BOUND);
            assertThat(filesOnSes()).as("nothing stored on any SE").isEqualTo(before);
            assertNothingHalfDone();
        } finally {
            Instant restart = Instant.now();
            stack.stack().restartAdmin();
            System.out.println("[faults] admin-module back in " + Duration.between(restart, Instant.now()).toMillis() + " ms");
        }
        uploadOk(ingester, "after-outage.pdf", 3);
    }

    @Test
    @Order(2)
    void storageElementDownIs502QuicklyAndAdminSeesItOfflineAndBackOnline() {
        TestHttp ingester = stack.ingester(stack.serviceToken("ingest"));
        TestHttp query = stack.query(stack.serviceToken("search"));
        TestHttp admin = stack.admin();
        String seId = FaultStack.storageElementId(admin, stack.seUrl(SE_EDIT));
        String id = uploadOk(ingester, "on-edit.pdf", 4);
        long registered = admin.get("/api/v1/files?limit=1").json().path("total").asLong();

        stack.process(SE_EDIT).kill();
        try {
            Timed upload = timed(() -> FaultStack.upload(ingester, temporary("lost.pdf", 20_000, 5)));
            Timed download = timed(() -> query.get("/api/v1/files/" + id + "/download"));
            System.out.println("[faults] SE killed: ingester upload " + upload + ", query download " + download);
            assertSeUnavailableWithinBound(upload);
            assertSeUnavailableWithinBound(download);
            assertThat(admin.get("/api/v1/files?limit=1").json().path("total").asLong()).isEqualTo(registered);

            Timed check = timed(() -> FaultStack.sync(admin, seId));
            System.out.println("[faults] admin check of the dead SE: " + check);
            assertThat(check.response().status()).isEqualTo(502);
            assertThat(FaultStack.storageElement(admin, seId).path("status").asString()).isEqualTo("offline");
            Timed noSe = timed(() -> FaultStack.upload(ingester, temporary("lost.pdf", 20_000, 5)));
            System.out.println("[faults] upload once admin knows the only edit SE is offline: " + noSe);
            assertThat(noSe.response().status()).as(noSe.toString()).isEqualTo(507);
            assertThat(noSe.response().errorCode()).isEqualTo("NO_STORAGE_AVAILABLE");
        } finally {
            Instant restart = Instant.now();
            stack.startAgain(SE_EDIT, stack.seUrl(SE_EDIT));
            System.out.println("[faults] SE back in " + Duration.between(restart, Instant.now()).toMillis() + " ms");
        }
        assertNothingHalfDone();
        assertThat(FaultStack.sync(admin, seId).status()).isEqualTo(200);
        assertThat(FaultStack.storageElement(admin, seId).path("status").asString()).isEqualTo("online");
        assertThat(FaultStack.download(query, "/api/v1/files/" + id + "/download").status()).isEqualTo(200);
        uploadOk(ingester, "after-se-outage.pdf", 6);
    }

    @Test
    @Order(3)
    void hungStorageElementIs502WithinTheClientTimeout() throws Exception {
        TestHttp ingester = stack.ingester(stack.serviceToken("ingest"));
        TestHttp query = stack.query(stack.serviceToken("search"));
        TestHttp admin = stack.admin();
        String seId = FaultStack.storageElementId(admin, stack.seUrl(SE_EDIT));
        assertThat(FaultStack.sync(admin, seId).status()).isEqualTo(200);
        int sePort = java.net.URI.create(stack.seUrl(SE_EDIT)).getPort();
        try (StallingProxy proxy = new StallingProxy(sePort)) {
            String viaProxy = "https://127.0.0.1:" + proxy.port();
            TestHttp.Response moved = admin.putJson("/api/v1/storage-elements/" + seId,
                    FaultStack.JSON.writeValueAsString(Map.of("url", viaProxy)));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            try {
                String id = uploadOk(ingester, "via-proxy.pdf", 7);
                assertThat(FaultStack.download(query, "/api/v1/files/" + id + "/download").status()).isEqualTo(200);
                long before = filesOnSes();

                proxy.stall(true);
                Timed upload = timed(() -> FaultStack.upload(ingester, temporary("hung.pdf", 20_000, 8)));
                Timed download = timed(() -> query.get("/api/v1/files/" + id + "/download"));
                System.out.println("[faults] SE hung: ingester upload " + upload + ", query download " + download);
                assertSeUnavailableWithinBound(upload);
                assertSeUnavailableWithinBound(download);
                assertThat(filesOnSes()).isEqualTo(before);

                proxy.stall(false);
                assertThat(FaultStack.download(query, "/api/v1/files/" + id + "/download").status()).isEqualTo(200);
                uploadOk(ingester, "after-hang.pdf", 9);
            } finally {
                admin.putJson("/api/v1/storage-elements/" + seId,
                        FaultStack.JSON.writeValueAsString(Map.of("url", stack.seUrl(SE_EDIT))));
            }
        }
        FaultStack.eventually(Duration.ofSeconds(30), () -> FaultStack.leftovers(stack.seData(SE_EDIT),
                stack.seWal(SE_EDIT)).isEmpty(), "the upload cut off by the hang leaves nothing behind");
    }

    @Test
    @Order(4)
    void storageElementAtItsCapacityIs507AndKeepsNoPartialFile() {
        TestHttp se = stack.storageElement(stack.seUrl(SE_RW), stack.adminToken());
        long before = FaultStack.sidecarCount(stack.seData(SE_RW));
        long size = RW_CAPACITY + 2 * 1024 * 1024;

        TestHttp.Response streamed = FaultStack.uploadChunked(se, Multipart.form().generatedFile("too-big.bin", size, 10));
        assertThat(streamed.status()).as(streamed.toString()).isEqualTo(507);
        assertThat(streamed.errorCode()).isEqualTo("STORAGE_FULL");
        TestHttp.Response declared = FaultStack.upload(se, Multipart.form().generatedFile("too-big.bin", size, 10));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(507);
        assertThat(declared.errorCode()).isEqualTo("STORAGE_FULL");

        assertThat(FaultStack.sidecarCount(stack.seData(SE_RW))).isEqualTo(before);
        FaultStack.eventually(Duration.ofSeconds(20), () -> FaultStack.leftovers(stack.seData(SE_RW),
                stack.seWal(SE_RW)).isEmpty(), "no partial file");
        TestHttp.Response fits = FaultStack.upload(se, Multipart.form().generatedFile("fits.bin", 1024 * 1024, 11));
        assertThat(fits.status()).as("room is given back after the refusal").isEqualTo(201);

        // through the ingester, without a length: the SE fills up in the middle of the body it is sent,
        // and its 507 comes back through the ingester's SE client as the ingester's own
        TestHttp ingester = stack.ingester(stack.serviceToken("ingest"));
        // the ingester picks either rw SE (both as small): count the files on both (by id: the
        // replication job may meanwhile give a permanent file its second copy on the other one)
        long files = FaultStack.distinctFiles(stack.seData(SE_RW), stack.seData(SE_RW_B));
        for (int round = 0; round < 2; round++) {
            // more than either rw SE holds: the ingester picks the one with the most room (the empty
            // second rw SE, where exactly RW_CAPACITY would fit), so only a larger body fills it mid-stream
            Timed full = timed(() -> FaultStack.uploadChunked(ingester, Multipart.form()
                    .field("retention_policy", "permanent").generatedFile("fills-up.bin", RW_CAPACITY + 1024 * 1024, 12)));
            System.out.println("[faults] ingester upload larger than what is left on the rw SE: " + full + " " + full.response().body());
            assertThat(full.response().status()).as(full.toString()).isEqualTo(507);
            assertThat(full.response().errorCode()).isEqualTo("STORAGE_FULL");
        }
        TestHttp.Response after = FaultStack.upload(ingester, Multipart.form().field("retention_policy", "permanent")
                .generatedFile("after-full.bin", 100_000, 13));
        assertThat(after.status()).as("the ingester's SE client goes on after the refusals: " + after).isEqualTo(201);
        assertThat(FaultStack.distinctFiles(stack.seData(SE_RW), stack.seData(SE_RW_B))).isEqualTo(files + 1);
        FaultStack.eventually(Duration.ofSeconds(20), () -> FaultStack.leftovers(stack.seData(SE_RW),
                stack.seWal(SE_RW)).isEmpty(), "no partial file");
    }

    /** Mounts a small tmpfs, or answers false where that is not allowed (not root, no mount). */
    private static boolean mountTmpfs(java.nio.file.Path dir, String size) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            return mount.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && mount.exitValue() == 0;
        } catch (java.io.IOException ex) {
            return false;
        }
    }

    @Test
    @Order(5)
    void aRealFullDiskIs507AndKeepsNoPartialFile() throws Exception {
        java.nio.file.Path mountPoint = stack.dataDir().resolve("tmpfs");
        org.junit.jupiter.api.Assumptions.assumeTrue(mountTmpfs(mountPoint, "16m"),
                "mounting a tmpfs needs root; the capacity-limit case above covers 507 without it");
        int port = io.artstore.testsupport.process.ProcessRunner.freePort();
        java.nio.file.Path data = mountPoint.resolve("data");
        java.nio.file.Path wal = mountPoint.resolve("wal");
        try (io.artstore.testsupport.process.ProcessRunner se = io.artstore.testsupport.process.ProcessRunner.jar(
                        io.artstore.testsupport.process.ProcessRunner.findJar(
                                java.nio.file.Path.of("storage-element/target"), "storage-element-"))
                .env(Map.of("SE_PORT", port, "SE_STORAGE_ID", "se-tmpfs", "SE_DATA_DIR", data, "SE_WAL_DIR", wal,
                        "SE_MODE", "edit", "SE_JWKS_URL", stack.stack().adminUrl() + "/api/v1/auth/jwks",
                        "SE_LOG_FORMAT", "text"))
                .jvmArgs("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .log(stack.dataDir().resolve("logs").resolve("storage-element-tmpfs.log"))
                .start()
                .awaitHealthy(java.net.URI.create("http://127.0.0.1:" + port + "/health/ready"), Duration.ofMinutes(3))) {
            TestHttp client = TestHttp.to("http://127.0.0.1:" + port).withToken(stack.adminToken());

            // larger than the whole disk, streamed without a length: refused while writing
            // (the SE answers 507 and closes mid-body; the JDK client may report only the cut connection)
            String streamed;
            try {
                TestHttp.Response response = FaultStack.uploadChunked(client,
                        Multipart.form().generatedFile("huge.bin", 40L * 1024 * 1024, 12));
                streamed = response.status() + " " + response.errorCode();
                assertThat(response.status()).as(response.toString()).isEqualTo(507);
                assertThat(response.errorCode()).isEqualTo("STORAGE_FULL");
            } catch (java.io.UncheckedIOException cut) {
                streamed = "connection closed by the SE mid-body (" + cut.getCause().getMessage() + ")";
            }
            System.out.println("[faults] tmpfs SE, 40 MiB streamed into 16 MiB: " + streamed);
            FaultStack.eventually(Duration.ofSeconds(20), () -> FaultStack.leftovers(data, wal).isEmpty(), "no partial file");
            assertThat(FaultStack.sidecarCount(data)).isZero();

            // the disk filled behind the SE's back, to the last byte: even the WAL entry cannot be written
            java.nio.file.Path filler = mountPoint.resolve("filler");
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(filler)) {
                byte[] block = new byte[64 * 1024];
                while (true) {
                    out.write(block);
                }
            } catch (java.io.IOException expected) {
                // ENOSPC
            }
            for (int size : new int[]{10_000, 200_000}) {
                TestHttp.Response small = FaultStack.upload(client, Multipart.form().generatedFile("small.bin", size, 13));
                System.out.println("[faults] tmpfs SE full to the last byte, " + size + "-byte upload: " + small.status()
                        + " " + small.errorCode());
                assertThat(small.status()).as(small.toString()).isEqualTo(507);
                assertThat(small.errorCode()).isEqualTo("STORAGE_FULL");
                assertThat(FaultStack.leftovers(data, wal)).isEmpty();
                assertThat(FaultStack.sidecarCount(data)).isZero();
            }

            java.nio.file.Files.delete(filler);
            TestHttp.Response fits = FaultStack.upload(client, Multipart.form().generatedFile("fits.bin", 1024 * 1024, 14));
            assertThat(fits.status()).as("works again once there is room").isEqualTo(201);
            FaultStack.Download back = FaultStack.download(client,
                    "/api/v1/files/" + fits.json().path("file_id").asString() + "/download");
            assertThat(back.sha256()).isEqualTo(Content.sha256Generated(1024 * 1024, 14));
        } finally {
            new ProcessBuilder("umount", "-l", mountPoint.toString()).start().waitFor();
        }
    }
}
