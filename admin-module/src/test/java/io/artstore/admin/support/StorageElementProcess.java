package io.artstore.admin.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import io.artstore.testsupport.tls.TestCertificates;

/**
 * A real storage element for admin-module tests: the packaged storage-element jar in its own
 * JVM, serving HTTPS with the test certificates and trusting admin-module's JWKS. Data and WAL
 * directories survive {@link #stop()} / {@link #start()}.
 */
public final class StorageElementProcess implements AutoCloseable {

    private final String storageId;
    private final Path dataDir;
    private final TestCertificates certificates;
    private final int port;
    private final ProcessRunner runner;

    public StorageElementProcess(String storageId, String mode, Path dir, TestCertificates certificates, String jwksUrl) {
        this.storageId = storageId;
        this.dataDir = dir.resolve("data");
        this.certificates = certificates;
        this.port = ProcessRunner.freePort();
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        this.runner = ProcessRunner.jar(ProcessRunner.findJar(Path.of("../storage-element/target"), "storage-element-"))
                .env(Map.of("SE_PORT", port, "SE_STORAGE_ID", storageId, "SE_DATA_DIR", dataDir,
                        "SE_WAL_DIR", dir.resolve("wal"), "SE_MODE", mode, "SE_JWKS_URL", jwksUrl,
                        "SE_TLS_CERT", certificates.serverCert(), "SE_TLS_KEY", certificates.serverKey(),
                        "SE_LOG_FORMAT", "text"))
                .jvmArgs("-Xmx192m", "-XX:TieredStopAtLevel=1", "-Xshare:auto")
                .healthClient(certificates.httpClient())
                .log(dir.resolve(storageId + ".log"));
    }

    public StorageElementProcess start() {
        runner.start().awaitHealthy(URI.create(url() + "/health/live"), Duration.ofSeconds(180));
        return this;
    }

    public void stop() {
        runner.stop();
    }

    public String storageId() {
        return storageId;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String url() {
        return "https://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** HTTPS client of this SE with a bearer token. */
    public TestHttp http(String token) {
        TestHttp http = TestHttp.to(url(), certificates.httpClient());
        return token == null ? http : http.withToken(token);
    }

    public String logTail() {
        return runner.logTail(40);
    }

    @Override
    public void close() {
        runner.kill();
    }
}
