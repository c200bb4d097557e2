package io.artstore.storage.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.artstore.kernel.security.Scopes;
import io.artstore.testsupport.content.Content;
import io.artstore.storage.support.SeTest;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import io.artstore.testsupport.tls.TestCertificates;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SE_TLS_CERT/SE_TLS_KEY switch the packaged SE to HTTPS with the given PEM certificate. */
class TlsIT {

    @TempDir
    Path dir;

    @Test
    void servesHttpsWithThePemCertificate() {
        TestCertificates certificates = TestCertificates.generate(dir.resolve("pki"));
        int port = ProcessRunner.freePort();
        HttpClient trusting = certificates.httpClient();
        try (ProcessRunner se = ProcessRunner.jar(ProcessRunner.findJar(Path.of("target"), "storage-element-"))
                .env(Map.of("SE_PORT", port, "SE_STORAGE_ID", "se-tls", "SE_DATA_DIR", dir.resolve("data"),
                        "SE_WAL_DIR", dir.resolve("wal"), "SE_JWKS_URL", SeTest.ISSUER.jwksUrl(),
                        "SE_TLS_CERT", certificates.serverCert(), "SE_TLS_KEY", certificates.serverKey(),
                        "SE_LOG_FORMAT", "text"))
                .jvmArgs("-Xmx128m")
                .healthClient(trusting)
                .log(dir.resolve("se.log"))) {
            se.start().awaitHealthy(URI.create("https://localhost:" + port + "/health/live"), Duration.ofSeconds(120));

            TestHttp https = TestHttp.to("https://127.0.0.1:" + port, trusting);
            assertThat(https.get("/api/v1/info").json().path("storage_id").asString()).isEqualTo("se-tls");
            TestHttp authorized = https.withToken(SeTest.ISSUER.serviceToken("sa_tls", Scopes.FILES_READ, Scopes.FILES_WRITE));
            byte[] content = Content.bytes(100_000, 5);
            String id = SeTest.upload(authorized, "secure.bin", content).json().path("file_id").asString();
            assertThat(authorized.get("/api/v1/files/" + id + "/download").bytes()).isEqualTo(content);

            // clients that do not trust the CA, or speak plain HTTP, get nowhere
            assertThatThrownBy(() -> TestHttp.to("https://127.0.0.1:" + port).get("/api/v1/info"))
                    .hasCauseInstanceOf(SSLHandshakeException.class);
            int plainStatus;
            try {
                plainStatus = TestHttp.to("http://127.0.0.1:" + port).get("/api/v1/info").status();
            } catch (RuntimeException refused) {
                plainStatus = -1;
            }
            assertThat(plainStatus).isNotEqualTo(200);
            se.stop();
        }
    }
}
