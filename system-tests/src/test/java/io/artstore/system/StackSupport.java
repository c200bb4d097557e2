package io.artstore.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.artstore.devstack.LocalStack;
import io.artstore.testsupport.http.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers over the running stack: SE ids, sidecars on disk, restarting a service, waiting. */
public final class StackSupport {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private StackSupport() {
    }

    /** The registry id of the storage element with this URL. */
    public static String storageElementId(TestHttp admin, String url) {
        for (JsonNode se : admin.get("/api/v1/storage-elements?limit=1000").json().path("items")) {
            if (url.equals(se.path("url").asString())) {
                return se.path("id").asString();
            }
        }
        throw new AssertionError("storage element " + url + " is not registered");
    }

    public static JsonNode sync(TestHttp admin, String storageElementId) {
        TestHttp.Response response = admin.postJson("/api/v1/storage-elements/" + storageElementId + "/sync", "");
        if (response.status() != 200) {
            throw new AssertionError("sync failed: " + response);
        }
        return response.json();
    }

    /** Every {@code *.attr.json} under the data directory of an SE ({@code se-edit}, {@code se-rw}). */
    public static List<Path> sidecars(String seDir) {
        Path data = SystemStack.dataDir().resolve(seDir).resolve("data");
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".attr.json")).toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Distinct files (by id) stored on the stack's three SEs. Counting ids rather than sidecars
     * keeps "nothing new was stored" exact while the replication job adds second copies of
     * files stored earlier.
     */
    public static int filesOnSes() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String se : List.of("se-edit", "se-rw", "se-rw-b")) {
            for (Path path : sidecars(se)) {
                try {
                    ids.add(JSON.readTree(path.toFile()).path("file_id").asString());
                } catch (RuntimeException ex) {
                    // collected (GC) between the listing and the read: no longer a file on that SE
                }
            }
        }
        return ids.size();
    }

    /** The sidecar of one file, parsed. */
    public static JsonNode sidecar(String seDir, UUID fileId) {
        for (Path path : sidecars(seDir)) {
            JsonNode node = JSON.readTree(path.toFile());
            if (fileId.toString().equals(node.path("file_id").asString())) {
                return node;
            }
        }
        return null;
    }

    /**
     * Stops a storage element of the stack, runs {@code action}, starts it again and lets
     * admin-module see it back online (a sync refreshes its status, as the periodic job would).
     */
    public static void whileStopped(LocalStack stack, String process, String seUrl, Runnable action) {
        stack.process(process).stop();
        try {
            action.run();
        } finally {
            stack.process(process).start().awaitHealthy(URI.create(seUrl + "/health/ready"), Duration.ofMinutes(2));
            TestHttp admin = new Clients(stack).admin();
            sync(admin, storageElementId(admin, seUrl));
        }
    }

    /** Waits (bounded) for something the system does in the background, such as GC. */
    public static void eventually(Duration limit, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + limit + ": " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }
}
