package io.artstore.system.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.artstore.devstack.LocalStack;
import io.artstore.devstack.StackOptions;
import io.artstore.system.Clients;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A private local stack for one fault test class: the same {@link LocalStack} as the shared
 * system-test stack, but in its own temp data directory on its own free ports, so killing,
 * wiping and stalling its parts cannot disturb other tests. {@link #close()} stops it and
 * deletes the data.
 */
final class FaultStack implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SE_EDIT = "storage-element-edit";
    static final String SE_RW = "storage-element-rw";
    /** The second rw SE (site b): with it a permanent file gets its two copies. */
    static final String SE_RW_B = "storage-element-rw-b";

    private final Path data;
    private final LocalStack stack;

    private FaultStack(Path data, LocalStack stack) {
        this.data = data;
        this.stack = stack;
    }

    /** Boots a stack; {@code extraEnv} adds environment variables per service name. */
    static FaultStack start(String name, Map<String, Map<String, String>> extraEnv) {
        try {
            Path data = Files.createTempDirectory("artstore-" + name + "-");
            Map<String, Map<String, String>> env = new HashMap<>(extraEnv);
            StackOptions options = new StackOptions(Path.of(".").toAbsolutePath().normalize(), data,
                    ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(),
                    ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(),
                    Map.of())
                    .withExtraEnv(env);
            Instant started = Instant.now();
            LocalStack stack = LocalStack.start(options);
            System.out.printf("[faults] %s stack up in %d s (data %s)%n", name,
                    Duration.between(started, Instant.now()).toSeconds(), data);
            return new FaultStack(data, stack);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    LocalStack stack() {
        return stack;
    }

    Path dataDir() {
        return data;
    }

    ProcessRunner process(String name) {
        return stack.process(name);
    }

    /** The data directory of an SE process ({@code storage-element-edit} → {@code se-edit/data}). */
    Path seData(String process) {
        return data.resolve(seId(process)).resolve("data");
    }

    Path seWal(String process) {
        return data.resolve(seId(process)).resolve("wal");
    }

    String seUrl(String process) {
        return storageElement(process).url();
    }

    private String seId(String process) {
        return storageElement(process).storageId();
    }

    private LocalStack.StorageElement storageElement(String process) {
        return stack.storageElements().stream().filter(se -> se.process().equals(process)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No storage element process " + process));
    }

    /** SIGKILLs (or, after a kill, simply) starts a service again and waits until it is ready. */
    void startAgain(String process, String baseUrl) {
        ProcessRunner runner = stack.process(process);
        if (runner.isAlive()) {
            throw new IllegalStateException(process + " is still running");
        }
        runner.start().awaitHealthy(URI.create(baseUrl + "/health/ready"), Duration.ofMinutes(3));
    }

    // --- tokens and clients ---------------------------------------------------------------

    String adminToken() {
        return new Clients(stack).adminToken();
    }

    String serviceToken(String account) {
        return new Clients(stack).serviceToken(account);
    }

    TestHttp admin() {
        return TestHttp.to(stack.adminUrl()).withToken(adminToken());
    }

    TestHttp storageElement(String url, String token) {
        return TestHttp.to(url, stack.certificates().httpClient()).withToken(token);
    }

    TestHttp ingester(String token) {
        return TestHttp.to(stack.ingesterUrl()).withToken(token);
    }

    TestHttp query(String token) {
        return TestHttp.to(stack.queryUrl()).withToken(token);
    }

    static TestHttp.Response upload(TestHttp target, Multipart form) {
        return target.send(target.request("/api/v1/files/upload").header("Content-Type", form.contentType())
                .POST(form.publisher()));
    }

    static TestHttp.Response uploadChunked(TestHttp target, Multipart form) {
        return target.send(target.request("/api/v1/files/upload").header("Content-Type", form.contentType())
                .POST(form.chunkedPublisher()));
    }

    /** Status and SHA-256 of a streamed download (never held in memory). */
    record Download(int status, String sha256, long size, String body) {
    }

    static Download download(TestHttp target, String path) {
        try {
            HttpResponse<InputStream> response = target.client().send(target.request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return new Download(response.statusCode(), null, 0, new String(in.readAllBytes()));
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size = 0;
                byte[] buffer = new byte[1 << 16];
                try (DigestInputStream digest = new DigestInputStream(in, sha)) {
                    for (int n; (n = digest.read(buffer)) >= 0; ) {
                        size += n;
                    }
                }
                return new Download(200, java.util.HexFormat.of().formatHex(sha.digest()), size, "");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // --- registry and SE state ------------------------------------------------------------

    static String storageElementId(TestHttp admin, String url) {
        for (JsonNode se : admin.get("/api/v1/storage-elements?limit=1000").json().path("items")) {
            if (url.equals(se.path("url").asString())) {
                return se.path("id").asString();
            }
        }
        throw new AssertionError("storage element " + url + " is not registered");
    }

    static JsonNode storageElement(TestHttp admin, String id) {
        return admin.get("/api/v1/storage-elements/" + id).json();
    }

    static TestHttp.Response sync(TestHttp admin, String storageElementId) {
        return admin.postJson("/api/v1/storage-elements/" + storageElementId + "/sync", "");
    }

    /** Every file the SE lists (all statuses), by id. */
    static Map<String, JsonNode> seFiles(TestHttp se) {
        Map<String, JsonNode> files = new HashMap<>();
        for (int offset = 0; ; offset += 1000) {
            TestHttp.Response page = se.get("/api/v1/files?limit=1000&offset=" + offset);
            if (page.status() != 200) {
                throw new AssertionError("SE listing failed: " + page);
            }
            JsonNode items = page.json().path("items");
            items.forEach(item -> files.put(item.path("file_id").asString(), item));
            if (items.size() < 1000) {
                return files;
            }
        }
    }

    /** Every registry record of one SE (all statuses), by id. */
    static Map<String, JsonNode> registryFiles(TestHttp admin, String storageElementId) {
        Map<String, JsonNode> files = new HashMap<>();
        for (String status : List.of("active", "expired", "deleted")) {
            for (int offset = 0; ; offset += 1000) {
                TestHttp.Response page = admin.get("/api/v1/files?limit=1000&offset=" + offset + "&status=" + status
                        + (storageElementId == null ? "" : "&storage_element_id=" + storageElementId));
                if (page.status() != 200) {
                    throw new AssertionError("registry listing failed: " + page);
                }
                JsonNode items = page.json().path("items");
                items.forEach(item -> files.put(item.path("file_id").asString(), item));
                if (items.size() < 1000) {
                    break;
                }
            }
        }
        return files;
    }

    /** Runs the SE's reconcile and returns its report. */
    static JsonNode reconcile(TestHttp se) {
        TestHttp.Response response = se.postJson("/api/v1/maintenance/reconcile", "");
        if (response.status() != 200) {
            throw new AssertionError("reconcile failed: " + response);
        }
        return response.json();
    }

    /** Files in a directory tree (relative names), for checking leftovers. */
    static List<String> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * What would be a half-done mutation on an SE's disk: temp files in {@code .incoming},
     * WAL entries or their temp files, data files without a sidecar and sidecars without data.
     */
    static List<String> leftovers(Path seData, Path seWal) {
        List<String> problems = new ArrayList<>();
        filesUnder(seData.resolve(".incoming")).forEach(f -> problems.add("temp file .incoming/" + f));
        filesUnder(seWal).forEach(f -> problems.add("WAL file " + f));
        List<String> top = filesUnder(seData).stream().filter(f -> !f.contains("/") && !f.startsWith(".")).toList();
        for (String name : top) {
            if (name.equals("mode.json")) {
                continue;
            }
            if (name.endsWith(".attr.json")) {
                if (!top.contains(name.substring(0, name.length() - ".attr.json".length()))) {
                    problems.add("sidecar without data " + name);
                }
            } else if (!top.contains(name + ".attr.json")) {
                problems.add("data without sidecar " + name);
            }
        }
        return problems;
    }

    /** Number of sidecars in an SE's data directory. */
    static long sidecarCount(Path seData) {
        try (Stream<Path> files = Files.list(seData)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".attr.json")).count();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Distinct files (by id) on these SE data directories: a second copy made by the
     * replication job is no new file, so "nothing new stored" stays exact while it runs.
     */
    static long distinctFiles(Path... seData) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Path dir : seData) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".attr.json")).toList()) {
                    try {
                        ids.add(JSON.readTree(p.toFile()).path("file_id").asString());
                    } catch (RuntimeException gone) {
                        // collected between the listing and the read
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return ids.size();
    }

    static void eventually(Duration limit, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + limit + ": " + what);
            }
            sleep(250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            deleteTree(data);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ex) {
            // best effort: a temp directory
        }
    }
}
