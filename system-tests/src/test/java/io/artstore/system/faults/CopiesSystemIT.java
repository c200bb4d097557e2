package io.artstore.system.faults;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static io.artstore.system.faults.FaultStack.SE_EDIT;
import static io.artstore.system.faults.FaultStack.SE_RW;
import static io.artstore.system.faults.FaultStack.SE_RW_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25's "done when" over real processes (three SEs: {@code se-rw} at site a, {@code se-rw-b}
 * at site b, {@code se-edit}): a permanent upload gets its second copy on the other site within
 * one replication interval; an rw SE killed, every file still downloads byte-identical through
 * query-module; a data file deleted on an SE's disk comes back; a flipped byte is found by the
 * scrub, never served, and the damaged copy replaced; a drained SE leaves no file below its
 * wanted copies. Its own stack, since it kills and damages SEs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CopiesSystemIT {

    /** Long enough that a test can look at a damaged copy before the periodic job repairs it. */
    private static final Duration INTERVAL = Duration.ofSeconds(20);
    /** Time for the copy itself on a busy build machine, on top of the interval. */
    private static final Duration SLACK = Duration.ofSeconds(25);
    private static final String COPY_STATUS_OK = "ok";

    private static FaultStack stack;
    private static ProcessRunner extraSe;
    /** Uploaded permanent files: id → content seed and size. */
    private static final Map<String, long[]> FILES = new LinkedHashMap<>();

    @BeforeAll
    static void boot() {
        stack = FaultStack.start("copies", Map.of(
                "admin-module", Map.of("AM_REPLICATION_INTERVAL", INTERVAL.toSeconds() + "s"),
                "ingester-module", Map.of("IG_REGISTER_DELAY", "50ms"),
                "query-module", Map.of("QM_SE_DOWNLOAD_TIMEOUT", "6s")));
    }

    @AfterAll
    static void shutdown() {
        try {
            if (extraSe != null) {
                extraSe.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    // --- (a) a permanent upload ends with two ok copies on two sites ---------------------------

    @Test
    @Order(1)
    void aPermanentUploadEndsWithTwoOkCopiesOnDifferentSitesWithinOneInterval() {
        TestHttp ingester = stack.ingester(stack.serviceToken("ingest"));
        TestHttp admin = stack.admin();
        List<String> ids = new ArrayList<>();
        Instant uploaded = Instant.now();
        for (long seed = 1; seed <= 4; seed++) {
            int size = (int) (seed == 4 ? 3 * 1024 * 1024 + 17 : 150_000 * seed + seed);
            TestHttp.Response response = FaultStack.upload(ingester, permanent("copy-" + seed + ".bin", size, seed));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.json().path("copies").asInt()).as("acknowledged with the first copy").isEqualTo(1);
            assertThat(response.json().path("copies_wanted").asInt()).isEqualTo(2);
            String id = response.json().path("file_id").asString();
            FILES.put(id, new long[]{seed, size});
            ids.add(id);
        }

        Duration limit = INTERVAL.plus(SLACK);
        for (String id : ids) {
            FaultStack.eventually(limit, () -> okCopies(admin, id).size() == 2,
                    "two ok copies of " + id + " without a manual run; registry: " + admin.get("/api/v1/files/" + id).body());
        }
        System.out.printf("[copies] %d permanent uploads had two ok copies after %d ms (interval %s)%n", ids.size(),
                Duration.between(uploaded, Instant.now()).toMillis(), INTERVAL);

        String rw = seId(admin, SE_RW);
        String rwB = seId(admin, SE_RW_B);
        assertThat(FaultStack.storageElement(admin, rw).path("site").asString())
                .isNotEqualTo(FaultStack.storageElement(admin, rwB).path("site").asString());
        for (String id : ids) {
            JsonNode record = admin.get("/api/v1/files/" + id).json();
            assertThat(record.path("copies_wanted").asInt()).isEqualTo(2);
            assertThat(okCopies(admin, id)).as("copies of %s on the two rw SEs (sites a and b)", id)
                    .containsExactlyInAnyOrder(rw, rwB);
            for (JsonNode copy : record.path("copies")) {
                assertThat(copy.path("verified_at").isNull()).as("verified_at of a fresh copy").isFalse();
            }
            for (String se : List.of(SE_RW, SE_RW_B)) {
                assertThat(Content.sha256(dataFile(se, id))).as("bytes of %s on %s", id, se).isEqualTo(expectedSha(id));
            }
            assertThat(sidecarOf(SE_EDIT, id)).as("a permanent file is not on the edit SE").isNull();
        }
    }

    // --- (c) a data file deleted on disk comes back ------------------------------------------------

    @Test
    @Order(2)
    void aDataFileDeletedOnDiskIsCopiedBackByteIdentical() throws IOException {
        TestHttp admin = stack.admin();
        TestHttp seB = stack.storageElement(stack.seUrl(SE_RW_B), stack.adminToken());
        String rwB = seId(admin, SE_RW_B);
        String id = firstFile();
        Path data = dataFile(SE_RW_B, id);
        Files.delete(data);

        // the SE's own cheap check (reconcile, also periodic) finds the data gone and drops it from its listing
        JsonNode report = FaultStack.reconcile(seB);
        assertThat(report.path("summary").path("missing_files").asLong()).as(report.toString()).isEqualTo(1);
        FaultStack.sync(admin, rwB);
        // the copy is missing, the file itself is not deleted (another copy exists)
        JsonNode record = admin.get("/api/v1/files/" + id).json();
        assertThat(record.path("status").asString()).isEqualTo("active");
        assertThat(copyStatus(record, rwB)).as(record.toString()).isIn("missing", COPY_STATUS_OK);

        replicateUntil(admin, () -> COPY_STATUS_OK.equals(copyStatus(admin.get("/api/v1/files/" + id).json(), rwB))
                && Files.isRegularFile(data), "the copy on se-rw-b ok again");
        assertThat(Content.sha256(data)).as("restored bytes on disk").isEqualTo(expectedSha(id));
        FaultStack.Download direct = FaultStack.download(seB, "/api/v1/files/" + id + "/download");
        assertThat(direct.status()).as(direct.body()).isEqualTo(200);
        assertThat(direct.sha256()).isEqualTo(expectedSha(id));
        assertThat(okCopies(admin, id)).hasSize(2);
    }

    // --- (d) a flipped byte: scrub finds it, never served, replaced ----------------------------------

    @Test
    @Order(3)
    void aFlippedByteIsFoundByTheScrubNeverServedAndReplaced() throws IOException {
        TestHttp admin = stack.admin();
        TestHttp query = stack.query(stack.serviceToken("search"));
        TestHttp se = stack.storageElement(stack.seUrl(SE_RW), stack.adminToken());
        String rw = seId(admin, SE_RW);
        String id = new ArrayList<>(FILES.keySet()).get(1);
        long size = FILES.get(id)[1];
        Path data = dataFile(SE_RW, id);
        flipByte(data, size / 2);
        assertThat(Content.sha256(data)).isNotEqualTo(expectedSha(id));

        Instant started = Instant.now();
        TestHttp.Response scrub = se.postJson("/api/v1/maintenance/scrub", "");
        assertThat(scrub.status()).as(scrub.toString()).isEqualTo(202);
        FaultStack.eventually(Duration.ofMinutes(2), () -> {
            JsonNode status = se.get("/api/v1/maintenance/scrub").json();
            return !status.path("running").asBoolean() && !status.path("finished_at").isNull()
                    && !Instant.parse(status.path("finished_at").asString()).isBefore(started.minusSeconds(1));
        }, "the scrub pass finished");
        JsonNode status = se.get("/api/v1/maintenance/scrub").json();
        System.out.println("[copies] scrub: " + status);
        assertThat(status.path("mismatches").asLong()).as(status.toString()).isEqualTo(1);
        JsonNode onSe = se.get("/api/v1/files/" + id).json();
        assertThat(onSe.path("copy_status").asString()).as(onSe.toString()).isEqualTo("corrupt");
        TestHttp.Response refused = se.get("/api/v1/files/" + id + "/download");
        assertThat(refused.status()).as("a corrupt copy is never served").isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("COPY_CORRUPT");

        FaultStack.sync(admin, rw);
        JsonNode record = admin.get("/api/v1/files/" + id).json();
        // the periodic job (every INTERVAL) may already have replaced it between the two calls
        assertThat(copyStatus(record, rw)).as(record.toString()).isIn("corrupt", COPY_STATUS_OK);

        assertDownloadsRight(query, id);

        replicateUntil(admin, () -> COPY_STATUS_OK.equals(copyStatus(admin.get("/api/v1/files/" + id).json(), rw)),
                "the corrupt copy on se-rw replaced");
        assertThat(Content.sha256(dataFile(SE_RW, id))).as("replaced bytes on disk").isEqualTo(expectedSha(id));
        assertThat(se.get("/api/v1/files/" + id).json().path("copy_status").asString()).isEqualTo(COPY_STATUS_OK);
        FaultStack.Download direct = FaultStack.download(se, "/api/v1/files/" + id + "/download");
        assertThat(direct.status()).as(direct.body()).isEqualTo(200);
        assertThat(direct.sha256()).isEqualTo(expectedSha(id));
    }

    // --- (b) an rw SE killed: every file still downloads ------------------------------------------

    @Test
    @Order(4)
    void everyFileStillDownloadsByteIdenticalWithOneRwSeKilled() {
        TestHttp admin = stack.admin();
        TestHttp query = stack.query(stack.serviceToken("search"));
        replicateUntil(admin, () -> FILES.keySet().stream().allMatch(id -> okCopies(admin, id).size() == 2),
                "every file with two ok copies before the kill");

        stack.process(SE_RW).kill();
        try {
            for (String id : FILES.keySet()) {
                assertDownloadsRight(query, id);
            }
            // twice: the second round runs with what query learned about the dead SE
            for (String id : FILES.keySet()) {
                assertDownloadsRight(query, id);
            }
        } finally {
            stack.startAgain(SE_RW, stack.seUrl(SE_RW));
        }
        FaultStack.sync(admin, seId(admin, SE_RW));
        for (String id : FILES.keySet()) {
            assertThat(admin.get("/api/v1/files/" + id).json().path("status").asString()).isEqualTo("active");
        }
    }

    // --- (e) drain ----------------------------------------------------------------------------------

    @Test
    @Order(5)
    void aDrainedSeLeavesNoFileBelowItsWantedCopies() {
        TestHttp admin = stack.admin();
        // a third rw SE (site c): with only two, a permanent file has nowhere to go but the SE being drained
        String extraUrl = startExtraRwSe();
        TestHttp.Response created = admin.postJson("/api/v1/storage-elements", FaultStack.JSON.writeValueAsString(
                Map.of("name", "Extra SE (rw, site c)", "url", extraUrl, "site", "c")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String extra = created.json().path("id").asString();
        String rw = seId(admin, SE_RW);
        replicateUntil(admin, () -> FILES.keySet().stream().allMatch(id -> okCopies(admin, id).size() >= 2),
                "every file with two ok copies before the drain");

        TestHttp.Response drain = admin.postJson("/api/v1/storage-elements/" + rw + "/drain", "");
        assertThat(drain.status()).as(drain.toString()).isEqualTo(202);
        assertThat(drain.json().path("drain_requested_at").isNull()).isFalse();
        JsonNode progress = drain.json().path("drain");
        System.out.println("[copies] drain requested: " + progress);
        assertThat(progress.path("files_total").asLong()).isEqualTo(FILES.size());

        replicateUntil(admin, () -> FaultStack.storageElement(admin, rw).path("drain").path("files_remaining").asLong(-1) == 0,
                "drain of se-rw finished");
        Set<String> others = Set.of(seId(admin, SE_RW_B), extra);
        for (String id : FILES.keySet()) {
            List<String> elsewhere = okCopies(admin, id).stream().filter(others::contains).toList();
            assertThat(elsewhere).as("ok copies of %s without the drained SE", id).containsExactlyInAnyOrderElementsOf(others);
        }
        TestHttp extraSeClient = stack.storageElement(extraUrl, stack.adminToken());
        for (String id : FILES.keySet()) {
            FaultStack.Download direct = FaultStack.download(extraSeClient, "/api/v1/files/" + id + "/download");
            assertThat(direct.status()).as(direct.body()).isEqualTo(200);
            assertThat(direct.sha256()).isEqualTo(expectedSha(id));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static Multipart permanent(String name, int size, long seed) {
        return Multipart.form().field("retention_policy", "permanent").field("tags", "[\"copies\"]")
                .file(name, "application/octet-stream", Content.bytes(size, seed));
    }

    private static String firstFile() {
        return FILES.keySet().iterator().next();
    }

    private static String expectedSha(String id) {
        long[] file = FILES.get(id);
        return Content.sha256(Content.bytes((int) file[1], file[0]));
    }

    private static String seId(TestHttp admin, String process) {
        return FaultStack.storageElementId(admin, stack.seUrl(process));
    }

    /** Registry ids of the SEs holding an ok copy of the file. */
    private static List<String> okCopies(TestHttp admin, String id) {
        List<String> ok = new ArrayList<>();
        for (JsonNode copy : admin.get("/api/v1/files/" + id).json().path("copies")) {
            if (COPY_STATUS_OK.equals(copy.path("status").asString())) {
                ok.add(copy.path("storage_element_id").asString());
            }
        }
        return ok;
    }

    private static String copyStatus(JsonNode record, String seId) {
        for (JsonNode copy : record.path("copies")) {
            if (seId.equals(copy.path("storage_element_id").asString())) {
                return copy.path("status").asString();
            }
        }
        return null;
    }

    /** Runs the replication job until the condition holds (the periodic run may hold the claims meanwhile). */
    private static void replicateUntil(TestHttp admin, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            TestHttp.Response run = admin.postJson("/api/v1/replication/run", "");
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            if (condition.getAsBoolean()) {
                System.out.println("[copies] " + what + " (last pass " + run.body() + ")");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 90 s of replication runs: " + what + "; status "
                        + admin.get("/api/v1/replication/status").body());
            }
            FaultStack.sleep(500);
        }
    }

    /** Full and ranged downloads through query-module, byte-identical to what was uploaded. */
    private static void assertDownloadsRight(TestHttp query, String id) {
        long[] file = FILES.get(id);
        byte[] content = Content.bytes((int) file[1], file[0]);
        FaultStack.Download full = FaultStack.download(query, "/api/v1/files/" + id + "/download");
        assertThat(full.status()).as("download of %s: %s", id, full.body()).isEqualTo(200);
        assertThat(full.sha256()).as("SHA-256 of %s", id).isEqualTo(Content.sha256(content));
        int from = content.length / 3;
        int to = Math.min(content.length - 1, from + 65_535);
        TestHttp.Response range = query.get("/api/v1/files/" + id + "/download", "Range", "bytes=" + from + "-" + to);
        assertThat(range.status()).as("range of %s: %s", id, range).isEqualTo(206);
        assertThat(range.bytes()).isEqualTo(Arrays.copyOfRange(content, from, to + 1));
    }

    /** The sidecar of a file on an SE's disk, or null. */
    private static Path sidecarOf(String process, String id) {
        try (Stream<Path> files = Files.list(stack.seData(process))) {
            for (Path path : files.filter(p -> p.getFileName().toString().endsWith(".attr.json")).toList()) {
                if (id.equals(FaultStack.JSON.readTree(path.toFile()).path("file_id").asString())) {
                    return path;
                }
            }
            return null;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The data file next to the file's sidecar. */
    private static Path dataFile(String process, String id) {
        Path sidecar = sidecarOf(process, id);
        assertThat(sidecar).as("sidecar of %s on %s", id, process).isNotNull();
        String name = sidecar.getFileName().toString();
        return sidecar.resolveSibling(name.substring(0, name.length() - ".attr.json".length()));
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        }
    }

    /** Starts one more rw SE from the packaged jar, configured as the stack configures its own. */
    private static String startExtraRwSe() {
        int port = ProcessRunner.freePort();
        String url = "https://127.0.0.1:" + port;
        Path dir = stack.dataDir().resolve("se-rw-c");
        var tls = stack.stack().certificates();
        String adminUrl = stack.stack().adminUrl();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("SE_PORT", port);
        env.put("SE_STORAGE_ID", "se-rw-c");
        env.put("SE_DATA_DIR", dir.resolve("data"));
        env.put("SE_WAL_DIR", dir.resolve("wal"));
        env.put("SE_MODE", "rw");
        env.put("SE_JWKS_URL", adminUrl + "/api/v1/auth/jwks");
        env.put("SE_JWT_ISSUER", adminUrl);
        env.put("SE_TLS_CERT", tls.serverCert());
        env.put("SE_TLS_KEY", tls.serverKey());
        env.put("SE_LOG_FORMAT", "text");
        extraSe = ProcessRunner.jar(ProcessRunner.findJar(Path.of("storage-element", "target").toAbsolutePath(), "storage-element-"))
                .env(env)
                .log(stack.dataDir().resolve("logs").resolve("storage-element-rw-c.log"))
                .healthClient(tls.httpClient())
                .start();
        extraSe.awaitHealthy(URI.create(url + "/health/ready"), Duration.ofMinutes(3));
        return url;
    }
}
