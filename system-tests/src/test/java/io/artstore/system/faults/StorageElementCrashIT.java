package io.artstore.system.faults;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.artstore.system.faults.FaultStack.SE_EDIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL of a storage element at ten random points spread over large uploads, deletes and
 * GC runs, each followed by a restart. Afterwards every acknowledged upload is intact, no
 * half-done mutation is left on disk, reconcile finds nothing and the registry, once synced,
 * matches the SE exactly. The upload size is {@code artstore.faults.upload-size} (1 GiB in
 * the {@code reliability} profile), the seed {@code artstore.faults.seed} (random, logged).
 */
class StorageElementCrashIT {

    private static final long BIG = Long.getLong("artstore.faults.upload-size", 256L * 1024 * 1024);
    private static final int KILLS = 10;
    private static final int SMALL_FILES = 300;

    private static FaultStack stack;

    private record Expected(long size, long seed) {
    }

    /** Everything the test ever tried to upload, by file name. */
    private final Map<String, Expected> attempted = new ConcurrentHashMap<>();
    /** Uploads answered 201, by file id → name. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Deletes answered 204. */
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    /** Deletes sent when the SE was killed, without an answer: they may or may not have happened. */
    private final Set<String> deleteInDoubt = ConcurrentHashMap.newKeySet();
    private final Map<String, String> checksums = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void boot() {
        stack = FaultStack.start("se-crash", Map.of(SE_EDIT, Map.of("SE_GC_INTERVAL", "1s")));
    }

    @AfterAll
    static void shutdown() {
        if (stack != null) {
            stack.close();
        }
    }

    private TestHttp se() {
        return stack.storageElement(stack.seUrl(SE_EDIT), stack.adminToken());
    }

    private String checksum(String name) {
        Expected expected = attempted.get(name);
        return checksums.computeIfAbsent(name, n -> Content.sha256Generated(expected.size(), expected.seed()));
    }

    private TestHttp.Response uploadSmall(TestHttp se, String name, long seed) {
        long size = 1 + new Random(seed).nextInt(64 * 1024);
        attempted.put(name, new Expected(size, seed));
        TestHttp.Response response = FaultStack.upload(se, Multipart.form().field("ttl_days", "30")
                .generatedFile(name, size, seed));
        if (response.status() == 201) {
            acknowledged.put(response.json().path("file_id").asString(), name);
        }
        return response;
    }

    private List<String> activeSmallFiles() {
        List<String> ids = new ArrayList<>();
        acknowledged.forEach((id, name) -> {
            if (name.startsWith("s-") && !deleted.contains(id) && !deleteInDoubt.contains(id)) {
                ids.add(id);
            }
        });
        Collections.sort(ids);
        return ids;
    }

    @Test
    void everyAcknowledgedFileSurvivesTenSigkillsAndNothingHalfDoneRemains() throws Exception {
        long seed = Long.getLong("artstore.faults.seed", System.nanoTime());
        System.out.printf("[faults] SE crash test: seed %d (-Dartstore.faults.seed=%d to repeat), upload size %d bytes%n",
                seed, seed, BIG);
        Random random = new Random(seed);
        Instant start = Instant.now();
        TestHttp se = se();

        for (int i = 0; i < SMALL_FILES; i++) {
            assertThat(uploadSmall(se, "s-" + i + ".bin", 10_000L + i).status()).isEqualTo(201);
        }
        Instant bigStart = Instant.now();
        String first = "big-base.bin";
        attempted.put(first, new Expected(BIG, 1_000));
        TestHttp.Response base = FaultStack.upload(se, Multipart.form().generatedFile(first, BIG, 1_000));
        assertThat(base.status()).as(base.toString()).isEqualTo(201);
        acknowledged.put(base.json().path("file_id").asString(), first);
        log.add("acknowledged " + BIG + "-byte upload in " + Duration.between(bigStart, Instant.now()).toMillis() + " ms");

        List<String> kinds = new ArrayList<>(List.of("upload", "upload", "upload", "upload", "upload", "upload",
                "delete", "delete", "gc", "gc"));
        Collections.shuffle(kinds, random);
        for (int round = 0; round < KILLS; round++) {
            Instant roundStart = Instant.now();
            String what = switch (kinds.get(round)) {
                case "upload" -> killDuringUpload(round, random);
                case "delete" -> killDuringDeletes(random);
                default -> killDuringGc(random);
            };
            Instant restart = Instant.now();
            stack.startAgain(SE_EDIT, stack.seUrl(SE_EDIT));
            log.add("kill " + (round + 1) + ": " + what + "; restart " + Duration.between(restart, Instant.now()).toMillis()
                    + " ms; round " + Duration.between(roundStart, Instant.now()).toMillis() + " ms");
            FaultStack.eventually(Duration.ofSeconds(30),
                    () -> FaultStack.leftovers(stack.seData(SE_EDIT), stack.seWal(SE_EDIT)).isEmpty(),
                    "no half-done mutation on disk after restart " + (round + 1) + ": "
                            + FaultStack.leftovers(stack.seData(SE_EDIT), stack.seWal(SE_EDIT)));
            if (round == KILLS / 2) {
                TestHttp admin = stack.admin();
                assertThat(FaultStack.sync(admin, FaultStack.storageElementId(admin, stack.seUrl(SE_EDIT))).status())
                        .isEqualTo(200);
            }
        }
        log.forEach(line -> System.out.println("[faults] " + line));

        se = se();
        Map<String, JsonNode> onSe = FaultStack.seFiles(se);
        // every acknowledged upload is there, intact, unless its delete was acknowledged (then deleted or collected)
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            JsonNode file = onSe.get(ack.getKey());
            if (deleted.contains(ack.getKey())) {
                assertThat(file == null || "deleted".equals(file.path("status").asString()))
                        .as("acknowledged delete of %s", ack.getValue()).isTrue();
                continue;
            }
            if (deleteInDoubt.contains(ack.getKey()) && (file == null || "deleted".equals(file.path("status").asString()))) {
                continue; // its delete reached the SE before the kill, only the answer was lost
            }
            assertThat(file).as("acknowledged upload %s (%s)", ack.getValue(), ack.getKey()).isNotNull();
            assertThat(file.path("status").asString()).isEqualTo("active");
        }
        // every file on the SE, acknowledged or completed by recovery, is exactly what was sent
        int verifiedDownloads = 0;
        long downloadedBytes = 0;
        Instant verifyStart = Instant.now();
        for (JsonNode file : onSe.values()) {
            String name = file.path("original_filename").asString();
            assertThat(attempted).as("file %s was uploaded by this test", name).containsKey(name);
            assertThat(file.path("size").asLong()).as(name).isEqualTo(attempted.get(name).size());
            assertThat(file.path("checksum").asString()).as(name).isEqualTo(checksum(name));
            if (!"deleted".equals(file.path("status").asString())) {
                FaultStack.Download download = FaultStack.download(se, "/api/v1/files/" + file.path("file_id").asString()
                        + "/download");
                assertThat(download.status()).as(name).isEqualTo(200);
                assertThat(download.sha256()).as("SHA-256 of the downloaded %s", name).isEqualTo(checksum(name));
                verifiedDownloads++;
                downloadedBytes += download.size();
            }
        }
        System.out.printf("[faults] %d files on the SE (%d acknowledged uploads, %d acknowledged deletes); %d downloads"
                        + " (%d bytes) verified by SHA-256 in %d ms%n", onSe.size(), acknowledged.size(), deleted.size(),
                verifiedDownloads, downloadedBytes, Duration.between(verifyStart, Instant.now()).toMillis());

        assertThat(FaultStack.leftovers(stack.seData(SE_EDIT), stack.seWal(SE_EDIT))).isEmpty();
        Instant reconcileStart = Instant.now();
        JsonNode report = FaultStack.reconcile(se);
        System.out.printf("[faults] reconcile: %d files checked in %d ms, issues %s%n", report.path("files_checked").asInt(),
                Duration.between(reconcileStart, Instant.now()).toMillis(), report.path("issues"));
        assertThat(report.path("issues")).as("reconcile issues").isEmpty();

        TestHttp admin = stack.admin();
        String seId = FaultStack.storageElementId(admin, stack.seUrl(SE_EDIT));
        assertThat(FaultStack.sync(admin, seId).status()).isEqualTo(200);
        Map<String, JsonNode> registry = FaultStack.registryFiles(admin, seId);
        Map<String, JsonNode> onSeNow = FaultStack.seFiles(se);
        for (JsonNode file : onSeNow.values()) {
            JsonNode record = registry.get(file.path("file_id").asString());
            assertThat(record).as("registry record of %s", file.path("file_id").asString()).isNotNull();
            assertThat(record.path("status").asString()).isEqualTo(file.path("status").asString());
            assertThat(record.path("checksum").asString()).isEqualTo(file.path("checksum").asString());
            assertThat(record.path("size").asLong()).isEqualTo(file.path("size").asLong());
        }
        registry.forEach((id, record) -> {
            if (!onSeNow.containsKey(id)) {
                // files have copies: a file gone from its SE is deleted, or that copy is marked missing
                boolean deleted = "deleted".equals(record.path("status").asString());
                boolean copyMissing = record.path("copies").valueStream().anyMatch(copy ->
                        seId.equals(copy.path("storage_element_id").asString())
                                && "missing".equals(copy.path("status").asString()));
                assertThat(deleted || copyMissing).as("record of %s, gone from the SE: %s", id, record).isTrue();
            }
        });
        System.out.printf("[faults] SE crash test done in %d s%n", Duration.between(start, Instant.now()).toSeconds());
    }

    /** Streams a big upload and SIGKILLs the SE after a random number of bytes (or just after the last one). */
    private String killDuringUpload(int round, Random random) throws Exception {
        String name = "big-" + round + ".bin";
        long seed = 2_000L + round;
        attempted.put(name, new Expected(BIG, seed));
        double fraction = random.nextDouble() * 1.15;
        long killAt = (long) Math.min(BIG, fraction * BIG);
        long afterEnd = fraction >= 1.0 ? random.nextInt(1500) : 0;
        ProcessRunner process = stack.process(SE_EDIT);
        AtomicBoolean killed = new AtomicBoolean();
        Thread killer = new Thread(() -> {
            FaultStack.sleep(afterEnd);
            process.kill();
            killed.set(true);
        }, "se-killer");
        TestHttp se = se();
        Multipart form = Multipart.form().streamedFile(name, BIG,
                () -> new TriggerStream(Content.stream(BIG, seed), killAt, killer::start));
        CompletableFuture<HttpResponse<String>> response = se.client().sendAsync(se.request("/api/v1/files/upload")
                .header("Content-Type", form.contentType()).POST(form.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        // small uploads alongside, so some acknowledged ones are in flight around the kill
        Thread smalls = Thread.ofPlatform().start(() -> {
            for (int i = 0; !killed.get(); i++) {
                try {
                    FaultStack.sleep(25);
                    uploadSmall(se, "c-" + round + "-" + i + ".bin", 50_000L + round * 10_000L + i);
                } catch (RuntimeException ex) {
                    return;
                }
            }
        });
        String outcome;
        try {
            HttpResponse<String> answer = response.get(10, TimeUnit.MINUTES);
            if (answer.statusCode() == 201) {
                acknowledged.put(FaultStack.JSON.readTree(answer.body()).path("file_id").asString(), name);
            }
            outcome = "HTTP " + answer.statusCode();
        } catch (java.util.concurrent.ExecutionException ex) {
            outcome = "no answer (" + ex.getCause().getClass().getSimpleName() + ")";
        }
        killer.join(TimeUnit.MINUTES.toMillis(5));
        if (!killed.get()) {
            process.kill();
        }
        smalls.join(TimeUnit.MINUTES.toMillis(2));
        return String.format("upload %s killed at byte %d%s: %s", name, killAt,
                afterEnd > 0 ? " + " + afterEnd + " ms after the last byte" : "", outcome);
    }

    /** Deletes small files one after another and SIGKILLs the SE after a random delay. */
    private String killDuringDeletes(Random random) {
        long delay = 30 + random.nextInt(400);
        List<String> targets = activeSmallFiles();
        ProcessRunner process = stack.process(SE_EDIT);
        AtomicBoolean killed = new AtomicBoolean();
        TestHttp se = se();
        Thread deleter = Thread.ofPlatform().start(() -> {
            for (String id : targets) {
                if (killed.get()) {
                    return;
                }
                deleteInDoubt.add(id);
                try {
                    if (se.delete("/api/v1/files/" + id).status() == 204) {
                        deleted.add(id);
                        deleteInDoubt.remove(id);
                    }
                } catch (RuntimeException ex) {
                    return; // no answer: the delete stays in doubt
                }
            }
        });
        int before = deleted.size();
        FaultStack.sleep(delay);
        int done = deleted.size() - before;
        process.kill();
        killed.set(true);
        try {
            deleter.join(60_000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return "deletes killed after " + delay + " ms (" + done + " deletes acknowledged in this round)";
    }

    /** Deletes a batch of files and SIGKILLs the SE once GC has physically removed a random number of them. */
    private String killDuringGc(Random random) {
        List<String> targets = activeSmallFiles().subList(0, 40);
        int removals = 1 + random.nextInt(25);
        long before = FaultStack.sidecarCount(stack.seData(SE_EDIT));
        TestHttp se = se();
        for (String id : targets) {
            assertThat(se.delete("/api/v1/files/" + id).status()).isEqualTo(204);
            deleted.add(id);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (FaultStack.sidecarCount(stack.seData(SE_EDIT)) > before - removals && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        stack.process(SE_EDIT).kill();
        return "GC killed after " + (before - FaultStack.sidecarCount(stack.seData(SE_EDIT))) + " of 40 removals (aimed at "
                + removals + ")";
    }

    /** Runs {@code trigger} once, when {@code at} bytes have been read or the stream ends. */
    private static final class TriggerStream extends FilterInputStream {
        private final long at;
        private final Runnable trigger;
        private long read;
        private boolean fired;

        TriggerStream(InputStream in, long at, Runnable trigger) {
            super(in);
            this.at = at;
            this.trigger = trigger;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.max(1, Math.min(len, at > read ? at - read : len)));
            if (n > 0) {
                read += n;
            }
            if (!fired && (read >= at || n < 0)) {
                fired = true;
                trigger.run();
            }
            return n;
        }
    }
}
