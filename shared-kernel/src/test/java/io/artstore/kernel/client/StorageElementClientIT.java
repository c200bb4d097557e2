package io.artstore.kernel.client;

import java.io.InputStream;
import java.net.ServerSocket;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import io.artstore.kernel.KernelIntegrationTest;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.SeUpload;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.client.storage.StorageElementException;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared SE client streams real multipart uploads that the shared multipart reader parses back intact. */
class StorageElementClientIT extends KernelIntegrationTest {

    @Autowired
    JsonMapper json;

    private StorageElementClient client(String... scopes) {
        ClientProperties properties = new ClientProperties(null, null, null, Duration.ofSeconds(5), null,
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60));
        return new StorageElementClient(RestClient.builder(), properties,
                () -> ISSUER.serviceToken("sa_ingester", scopes), json);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A deterministic pseudo-random stream of the given size, hashed as it is read. */
    private static InputStream content(long size, MessageDigest digest) {
        Random random = new Random(42);
        InputStream generated = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? random.nextInt(256) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                left -= n;
                return n;
            }
        };
        return new DigestInputStream(generated, digest);
    }

    @Test
    void streamsAFileWithFieldsAndAHostileNameIntact() throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        String name = "отчёт \"Q1\";\r\nX-Evil: 1 ../../etc/passwd.pdf";
        SeUpload upload = new SeUpload(name, "application/pdf", "Квартальный отчёт", List.of("отчёт", "2026"),
                "temporary", 7, "alice");

        SeFileMetadata stored = client("files:write").upload(base(), upload, content(20L * 1024 * 1024 + 7, sent));

        assertThat(stored.originalFilename()).isEqualTo(name);
        assertThat(stored.size()).isEqualTo(20L * 1024 * 1024 + 7);
        assertThat(stored.checksum()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.description()).isEqualTo("Квартальный отчёт");
        assertThat(stored.tags()).containsExactly("отчёт", "2026");
        assertThat(stored.retentionPolicy()).isEqualTo("temporary");
        assertThat(stored.ttlDays()).isEqualTo(7);
        assertThat(stored.uploadedBy()).isEqualTo("alice");
    }

    @Test
    void seErrorsKeepTheirStatusAndCode() {
        assertThatThrownBy(() -> client("files:read").upload(base(),
                new SeUpload("a.txt", null, null, null, null, null, null), InputStream.nullInputStream()))
                .isInstanceOfSatisfying(StorageElementException.class, ex -> {
                    assertThat(ex.status().value()).isEqualTo(403);
                    assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(ex.remoteCode()).isEqualTo("FORBIDDEN");
                });
    }

    @Test
    void oversizeUploadIsReportedAs413() throws Exception {
        assertThatThrownBy(() -> client("files:write").upload(base(), new SeUpload("big.bin", null, null, null, null, null, null),
                content(65L * 1024 * 1024, MessageDigest.getInstance("SHA-256"))))
                .isInstanceOfSatisfying(StorageElementException.class,
                        ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE));
    }

    @Test
    void unreachableSeIs502SeUnavailable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client("files:read").info("http://127.0.0.1:" + freePort))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.SE_UNAVAILABLE);
                    assertThat(ex.status().value()).isEqualTo(502);
                });
    }
}
