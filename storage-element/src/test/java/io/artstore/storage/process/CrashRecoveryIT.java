package io.artstore.storage.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.storage.support.SeTest;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged jar with a 64 MiB heap, SIGKILLs it in the middle of a large
 * streamed upload while soft deletes and metadata updates are in flight, restarts it and
 * checks that nothing half-done is visible and nothing acknowledged is lost. Then streams
 * a 64 MiB file through the same small heap.
 */
class CrashRecoveryIT {

    static final int EARLIER_FILES = 30;
    static final long BIG = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void killDuringUploadAndDeletesThenRecover() throws Exception {
        Path data = dir.resolve("data");
        Path wal = dir.resolve("wal");
        int port = ProcessRunner.freePort();
        URI live = URI.create("http://127.0.0.1:" + port + "/health/live");
        try (ProcessRunner se = storageElement(port, "se-crash", "edit", data, wal, dir.resolve("se.log"))) {
            se.start().awaitHealthy(live, Duration.ofSeconds(120));
            TestHttp http = SeTest.client(port);

            Map<String, String> earlier = new LinkedHashMap<>();
            for (int i = 0; i < EARLIER_FILES; i++) {
                byte[] content = Content.bytes(20_000 + i, 100 + i);
                TestHttp.Response response = SeTest.upload(http, "earlier-" + i + ".bin", content);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                earlier.put(response.json().path("file_id").asString(), Content.sha256(content));
            }

            // a large upload that stalls after 16 MiB, so the kill certainly hits it mid-stream
            CountDownLatch release = new CountDownLatch(1);
            AtomicLong sent = new AtomicLong();
            Multipart big = Multipart.form().field("description", "never acknowledged")
                    .streamedFile("crash.bin", BIG, () -> stallingStream(Content.stream(BIG, 7), 16L * 1024 * 1024, sent, release));
            Thread uploader = Thread.ofVirtual().start(() -> {
                try {
                    http.send(http.request("/api/v1/files/upload").header("Content-Type", big.contentType())
                            .POST(big.chunkedPublisher()));
                } catch (RuntimeException expected) {
                    // the server dies under it
                }
            });

            // a stream of mutations: soft deletes of the first half, then metadata updates of the
            // rest, round after round until the server dies; remember what was acknowledged
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, Integer> lastAckRevision = new ConcurrentHashMap<>();
            List<String> ids = new ArrayList<>(earlier.keySet());
            List<String> toDelete = ids.subList(0, EARLIER_FILES / 2);
            List<String> toUpdate = ids.subList(EARLIER_FILES / 2, EARLIER_FILES);
            Thread mutator = Thread.ofVirtual().start(() -> {
                try {
                    for (int round = 0; ; round++) {
                        if (round < toDelete.size()) {
                            String id = toDelete.get(round);
                            if (http.delete("/api/v1/files/" + id).status() == 204) {
                                acknowledged.add(id);
                            }
                        } else {
                            String id = toUpdate.get(round % toUpdate.size());
                            if (http.patchJson("/api/v1/files/" + id, "{\"description\":\"rev-" + round + "\"}").status() == 200) {
                                lastAckRevision.put(id, round);
                            }
                        }
                    }
                } catch (RuntimeException serverGone) {
                    // killed
                }
            });

            awaitCondition(() -> incomingBytes(data) >= 8L * 1024 * 1024 && acknowledged.size() == toDelete.size()
                    && lastAckRevision.size() == toUpdate.size(), Duration.ofSeconds(120));
            se.kill();
            release.countDown();
            uploader.join();
            mutator.join();

            assertThat(pendingWalEntries(wal)).as("the crashed upload left a pending WAL entry").isNotEmpty();
            assertThat(incomingBytes(data)).as("and a partial temp file").isPositive();

            se.start().awaitHealthy(live, Duration.ofSeconds(120));

            assertThat(pendingWalEntries(wal)).as("pending WAL entries resolved").isEmpty();
            assertThat(SeTest.files(data.resolve(".incoming"))).as("no temp files").isEmpty();
            assertDataAndSidecarsPaired(data);

            JsonNode listing = http.get("/api/v1/files?limit=1000").json();
            assertThat(listing.path("total").asInt()).isEqualTo(EARLIER_FILES);
            assertThat(listing.path("items").findValuesAsString("file_id")).containsExactlyInAnyOrderElementsOf(earlier.keySet());
            assertThat(listing.path("items").findValuesAsString("original_filename")).doesNotContain("crash.bin");
            for (Map.Entry<String, String> file : earlier.entrySet()) {
                JsonNode meta = http.get("/api/v1/files/" + file.getKey()).json();
                assertThat(meta.path("checksum").asString()).isEqualTo(file.getValue());
                if (toDelete.contains(file.getKey())) {
                    assertThat(meta.path("status").asString()).as("acknowledged delete").isEqualTo("deleted");
                } else {
                    assertThat(meta.path("status").asString()).isEqualTo("active");
                    // the last acknowledged update, or the one in flight when the process died
                    int acked = lastAckRevision.get(file.getKey());
                    assertThat(meta.path("description").asString())
                            .isIn("rev-" + acked, "rev-" + (acked + toUpdate.size()));
                }
                Path stored = dataFile(data, file.getKey());
                assertThat(Content.sha256(stored)).as("content intact").isEqualTo(file.getValue());
                if (meta.path("status").asString().equals("active")) {
                    assertThat(Content.sha256(http.get("/api/v1/files/" + file.getKey() + "/download").bytes()))
                            .isEqualTo(file.getValue());
                }
            }
            JsonNode reconcile = http.postJson("/api/v1/maintenance/reconcile", "").json();
            assertThat(reconcile.path("issues").size()).as(reconcile.toString()).isZero();
            assertThat(reconcile.path("summary").path("ok").asInt()).isEqualTo(EARLIER_FILES);
            assertThat(http.get("/metrics").body()).contains("se_wal_recoveries_total{", "operation=\"upload\"",
                    "outcome=\"rolled_back\"");

            // a 64 MiB streamed upload and download through a 64 MiB heap
            Multipart streamed = Multipart.form().generatedFile("large.bin", BIG, 99);
            TestHttp.Response stored = http.send(http.request("/api/v1/files/upload")
                    .header("Content-Type", streamed.contentType()).POST(streamed.chunkedPublisher()));
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            String expected = Content.sha256Generated(BIG, 99);
            assertThat(stored.json().path("checksum").asString()).isEqualTo(expected);
            HttpResponse<InputStream> download = http.client().send(
                    http.request("/api/v1/files/" + stored.json().path("file_id").asString() + "/download").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(Content.sha256(download.body())).isEqualTo(expected);
            assertThat(se.isAlive()).isTrue();
            se.stop();
        }
    }

    /**
     * admin-module's replication streaming a copy when the SE is SIGKILLed: after the restart
     * no partial file, no sidecar, no listing entry; the job's retry then stores the copy.
     */
    @Test
    void killDuringCopyLeavesNothingAndTheRetryStoresIt() throws Exception {
        Path data = dir.resolve("copy-data");
        Path wal = dir.resolve("copy-wal");
        int port = ProcessRunner.freePort();
        URI live = URI.create("http://127.0.0.1:" + port + "/health/live");
        try (ProcessRunner se = storageElement(port, "se-copy-crash", "rw", data, wal, dir.resolve("se-copy.log"))) {
            se.start().awaitHealthy(live, Duration.ofSeconds(120));
            TestHttp http = SeTest.client(port);
            String id = java.util.UUID.randomUUID().toString();
            String checksum = Content.sha256Generated(BIG, 8);
            String metadata = "{\"file_id\":\"" + id + "\",\"original_filename\":\"copy.bin\","
                    + "\"content_type\":\"application/octet-stream\",\"size\":" + BIG + ",\"checksum\":\"" + checksum
                    + "\",\"uploaded_by\":\"alice\",\"uploaded_at\":\"2026-01-02T03:04:05Z\",\"description\":null,"
                    + "\"tags\":[],\"status\":\"active\",\"retention_policy\":\"permanent\",\"ttl_days\":null,"
                    + "\"expires_at\":null,\"copy_status\":\"ok\",\"verified_at\":null,\"updated_at\":null}";

            CountDownLatch release = new CountDownLatch(1);
            AtomicLong sent = new AtomicLong();
            Multipart stalled = Multipart.form().field("metadata", metadata)
                    .streamedFile("copy.bin", BIG, () -> stallingStream(Content.stream(BIG, 8), 16L * 1024 * 1024, sent, release));
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    http.send(http.request("/api/v1/files/" + id + "/copy").header("Content-Type", stalled.contentType())
                            .POST(stalled.chunkedPublisher()));
                } catch (RuntimeException expected) {
                    // the server dies under it
                }
            });
            awaitCondition(() -> incomingBytes(data) >= 8L * 1024 * 1024, Duration.ofSeconds(120));
            se.kill();
            release.countDown();
            sender.join();
            assertThat(pendingWalEntries(wal)).as("the crashed copy left a pending WAL entry").isNotEmpty();

            se.start().awaitHealthy(live, Duration.ofSeconds(120));

            assertThat(pendingWalEntries(wal)).isEmpty();
            assertThat(SeTest.files(data.resolve(".incoming"))).isEmpty();
            assertThat(SeTest.files(data).stream().filter(n -> n.contains(id))).as("no partial file, no sidecar").isEmpty();
            assertThat(http.get("/api/v1/files/" + id).status()).isEqualTo(404);
            assertThat(http.get("/api/v1/files").json().path("total").asInt()).isZero();

            // the replication job's retry
            Multipart retry = Multipart.form().field("metadata", metadata).generatedFile("copy.bin", BIG, 8);
            TestHttp.Response stored = http.send(http.request("/api/v1/files/" + id + "/copy")
                    .header("Content-Type", retry.contentType()).POST(retry.chunkedPublisher()));
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            assertThat(stored.json().path("copy_status").asString()).isEqualTo("ok");
            assertThat(Content.sha256(dataFile(data, id))).isEqualTo(checksum);
            assertDataAndSidecarsPaired(data);
            se.stop();
        }
    }

    private static InputStream stallingStream(InputStream source, long stallAfter, AtomicLong sent, CountDownLatch release) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent.get() >= stallAfter) {
                    try {
                        release.await();
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("stopped by the test");
                }
                int n = source.read(b, off, (int) Math.min(len, stallAfter - sent.get()));
                if (n > 0) {
                    sent.addAndGet(n);
                }
                return n;
            }
        };
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within " + timeout).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static long incomingBytes(Path data) {
        try (Stream<Path> files = Files.list(data.resolve(".incoming"))) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException ex) {
            return 0;
        }
    }

    private static List<String> pendingWalEntries(Path wal) {
        return SeTest.files(wal).stream().filter(n -> n.endsWith(".wal.json")).toList();
    }

    private static Path dataFile(Path data, String id) {
        return SeTest.files(data).stream().filter(n -> n.contains(id) && !n.endsWith(".attr.json"))
                .map(data::resolve).findFirst().orElseThrow();
    }

    private static void assertDataAndSidecarsPaired(Path data) {
        // dot names (the scrub's cursor .scrub.json, .incoming/) are the SE's own, as mode.json
        List<String> names = SeTest.files(data).stream()
                .filter(n -> !n.contains("/") && !n.startsWith(".") && !n.equals("mode.json")).toList();
        for (String name : names) {
            if (name.endsWith(".attr.json")) {
                assertThat(names).as("data for sidecar " + name).contains(name.substring(0, name.length() - ".attr.json".length()));
            } else {
                assertThat(names).as("sidecar for " + name).contains(name + ".attr.json");
            }
        }
    }

    /** The SE from its packaged jar with a small heap, so that a SIGKILL hits it mid-stream. */
    private static ProcessRunner storageElement(int port, String storageId, String mode, Path data, Path wal, Path log) {
        return ProcessRunner.jar(ProcessRunner.findJar(Path.of("target"), "storage-element-"))
                .env(Map.of("SE_PORT", port, "SE_STORAGE_ID", storageId, "SE_DATA_DIR", data, "SE_WAL_DIR", wal,
                        "SE_JWKS_URL", SeTest.ISSUER.jwksUrl(), "SE_MODE", mode, "SE_LOG_FORMAT", "text",
                        "SE_MAX_FILE_SIZE", 256L * 1024 * 1024))
                .jvmArgs("-Xmx64m", "-XX:+UseSerialGC")
                .log(log);
    }
}
