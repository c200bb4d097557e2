package io.artstore.ui.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.artstore.testsupport.db.TestDatabase;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import io.artstore.testsupport.tls.TestCertificates;

/**
 * The real services the browser tests run against, on loopback: an embedded PostgreSQL
 * database, admin-module from its packaged jar (started once per test JVM) and, for the
 * storage/file pages, storage-element processes over HTTPS with a test CA that
 * admin-module trusts.
 */
public final class TestStack {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Admin-Passw0rd-1";

    private static TestStack shared;

    private final Path work;
    private final TestCertificates certificates;
    private final int adminPort;
    private final ProcessRunner admin;
    private final List<ProcessRunner> storageElements = new ArrayList<>();

    private TestStack() {
        try {
            work = Files.createDirectories(Path.of("target", "browser-it", "run-" + ProcessHandle.current().pid()))
                    .toAbsolutePath();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        certificates = TestCertificates.generate(work.resolve("tls"));
        TestDatabase database = TestDatabase.create();
        adminPort = ProcessRunner.freePort();
        admin = ProcessRunner.jar(ProcessRunner.findJar(Path.of("../admin-module/target"), "admin-module-"))
                .env("AM_PORT", adminPort)
                .env("AM_DB_HOST", database.host())
                .env("AM_DB_PORT", database.port())
                .env("AM_DB_NAME", database.name())
                .env("AM_DB_USER", database.username())
                .env("AM_DB_PASSWORD", database.password())
                .env("AM_INIT_ADMIN_USERNAME", ADMIN)
                .env("AM_INIT_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .env("AM_SE_CA_CERT_PATH", certificates.caCert())
                .env("AM_SYNC_INTERVAL", "1h")
                .env("AM_LOG_FORMAT", "text")
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1")
                .log(work.resolve("admin-module.log"));
        admin.start().awaitHealthy(URI.create(adminUrl() + "/health/ready"), Duration.ofSeconds(120));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
    }

    /** The stack of this test JVM, started on first use. */
    public static synchronized TestStack shared() {
        if (shared == null) {
            shared = new TestStack();
        }
        return shared;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    public TestHttp adminHttp() {
        return TestHttp.to(adminUrl());
    }

    /** A fresh access token of {@code username}. */
    public String token(String username, String password) {
        TestHttp.Response response = adminHttp().postJson("/api/v1/admin-auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response);
        }
        return response.json().path("access_token").asString();
    }

    public TestHttp adminApi() {
        return adminHttp().withToken(token(ADMIN, ADMIN_PASSWORD));
    }

    /** Creates an admin user through the API and returns its id. */
    public String createUser(String username, String password, String role) {
        TestHttp.Response response = adminApi().postJson("/api/v1/admin-users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        if (response.status() != 201) {
            throw new IllegalStateException("cannot create " + username + ": " + response);
        }
        return response.json().path("id").asString();
    }

    /** A running storage element (HTTPS) started by {@link #startStorageElement}. */
    public record StorageElementProcess(String storageId, String url, ProcessRunner process) {
    }

    public synchronized StorageElementProcess startStorageElement(String storageId, String mode) {
        try {
            Path dir = Files.createDirectories(work.resolve("se-" + storageId));
            int port = ProcessRunner.freePort();
            ProcessRunner se = ProcessRunner.jar(ProcessRunner.findJar(Path.of("../storage-element/target"), "storage-element-"))
                    .env("SE_PORT", port)
                    .env("SE_STORAGE_ID", storageId)
                    .env("SE_DATA_DIR", Files.createDirectories(dir.resolve("data")))
                    .env("SE_WAL_DIR", Files.createDirectories(dir.resolve("wal")))
                    .env("SE_MODE", mode)
                    .env("SE_MAX_CAPACITY", 10L * 1024 * 1024 * 1024)
                    .env("SE_JWKS_URL", adminUrl() + "/api/v1/auth/jwks")
                    .env("SE_TLS_CERT", certificates.serverCert())
                    .env("SE_TLS_KEY", certificates.serverKey())
                    .env("SE_LOG_FORMAT", "text")
                    .jvmArgs("-Xmx256m", "-XX:TieredStopAtLevel=1")
                    .healthClient(certificates.httpClient())
                    .log(dir.resolve("storage-element.log"));
            String url = "https://127.0.0.1:" + port;
            // a generous bound: on the shared 2-core build machines under load an SE has taken over two minutes to start
            se.start().awaitHealthy(URI.create(url + "/health/live"), Duration.ofMinutes(5));
            storageElements.add(se);
            return new StorageElementProcess(storageId, url, se);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** HTTP client for a storage element (trusting the test CA). */
    public TestHttp seHttp(StorageElementProcess se) {
        return TestHttp.to(se.url(), certificates.httpClient());
    }

    /** Registers a storage element through admin-module's API (which syncs it); returns its id. */
    public String register(StorageElementProcess se, String name) {
        TestHttp.Response response = adminApi().postJson("/api/v1/storage-elements",
                "{\"name\":\"" + name + "\",\"url\":\"" + se.url() + "\"}");
        if (response.status() != 201) {
            throw new IllegalStateException("cannot register " + se.url() + ": " + response);
        }
        return response.json().path("id").asString();
    }

    /** Uploads a small text file straight to a storage element (admin's token has files:write). */
    public String upload(StorageElementProcess se, String filename, String content, String description) {
        String boundary = "----artstore" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"description\"\r\n\r\n" + description);
        part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        TestHttp http = TestHttp.to(se.url(), certificates.httpClient()).withToken(token(ADMIN, ADMIN_PASSWORD));
        TestHttp.Response response = http.send(http.request("/api/v1/files/upload",
                        "Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (response.status() != 201) {
            throw new IllegalStateException("upload of " + filename + " failed: " + response);
        }
        return response.json().path("file_id").asString();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String content) {
        body.writeBytes(("--" + boundary + "\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void stopAll() {
        storageElements.forEach(ProcessRunner::kill);
        admin.kill();
    }
}
