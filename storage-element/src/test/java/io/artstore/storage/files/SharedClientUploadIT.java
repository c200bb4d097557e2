package io.artstore.storage.files;

import java.time.Duration;
import java.util.List;

import io.artstore.kernel.client.ClientProperties;
import io.artstore.kernel.client.storage.SeDownload;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.SeUpload;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.client.storage.StorageElementException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.security.Scopes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.content.CountingInputStream;
import io.artstore.testsupport.tls.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services' shared SE client (shared-kernel) against this SE over HTTPS: uploads arrive
 * intact, and an SE that fills up in the middle of an upload gets its 507 {@code STORAGE_FULL}
 * through to the caller, who stopped sending, and the next upload on the same client works.
 */
@StorageElementTest(properties = {"artstore.storage.storage-id=se-client-it", "artstore.storage.max-capacity=40MB"})
class SharedClientUploadIT {

    static final long MIB = 1024 * 1024;
    static final TestCertificates CERTIFICATES = TestCertificates.generate(SeTest.tempDir("se-client-pki"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // what SE_TLS_CERT/SE_TLS_KEY turn into (TlsEnvironmentPostProcessor)
        registry.add("spring.ssl.bundle.pem.se-client-it.keystore.certificate", () -> "file:" + CERTIFICATES.serverCert());
        registry.add("spring.ssl.bundle.pem.se-client-it.keystore.private-key", () -> "file:" + CERTIFICATES.serverKey());
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.bundle", () -> "se-client-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    @Autowired
    JsonMapper json;

    private StorageElementClient client;

    private StorageElementClient client() {
        if (client == null) {
            ClientProperties properties = new ClientProperties(null, null, null, Duration.ofSeconds(5),
                    CERTIFICATES.caCert().toString(), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
            client = new StorageElementClient(RestClient.builder(), properties,
                    () -> SeTest.ISSUER.serviceToken("sa_ingester", Scopes.FILES_READ, Scopes.FILES_WRITE), json);
        }
        return client;
    }

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private String base() {
        return "https://127.0.0.1:" + port;
    }

    @Test
    void uploadsOverTlsAndAnSeFillingUpMidBodyAnswers507() throws Exception {
        SeFileMetadata stored = client().upload(base(), upload("first.bin"), Content.stream(24 * MIB, 1));
        assertThat(stored.size()).isEqualTo(24 * MIB);
        String checksum = Content.sha256Generated(24 * MIB, 1);
        assertThat(stored.checksum()).isEqualTo(checksum);
        try (SeDownload download = client().download(base(), stored.fileId(), new HttpHeaders())) {
            assertThat(download.status()).isEqualTo(200);
            assertThat(Content.sha256(download.body())).isEqualTo(checksum);
        }

        for (int round = 0; round < 3; round++) {
            // 256 MiB offered to the 16 MiB or less that is left
            CountingInputStream tooBig = new CountingInputStream(Content.stream(256 * MIB, 10 + round));
            assertThatThrownBy(() -> client().upload(base(), upload("too-big.bin"), tooBig))
                    .as("round " + round)
                    .isInstanceOfSatisfying(StorageElementException.class, ex -> {
                        assertThat(ex.status().value()).isEqualTo(507);
                        assertThat(ex.code()).isEqualTo(ErrorCode.STORAGE_FULL);
                    });
            assertThat(tooBig.taken()).as("the client stopped sending").isLessThan(128 * MIB);

            // the connection cut short is not reused: the next upload goes through
            SeFileMetadata small = client().upload(base(), upload("small-" + round + ".bin"),
                    Content.stream(MIB, 20 + round));
            assertThat(small.size()).isEqualTo(MIB);
        }

        List<String> leftovers = SeTest.files(layout.dataDir()).stream()
                .filter(name -> name.contains(".incoming") || name.contains("too-big")).toList();
        assertThat(leftovers).isEmpty();
        assertThat(SeTest.files(layout.walDir())).isEmpty();
    }

    private static SeUpload upload(String name) {
        return new SeUpload(name, "application/octet-stream", null, null, null, null, "tester");
    }
}
