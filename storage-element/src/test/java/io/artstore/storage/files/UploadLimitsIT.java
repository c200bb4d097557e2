package io.artstore.storage.files;

import java.io.IOException;
import java.util.List;

import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** SE_MAX_FILE_SIZE → 413 and SE_MAX_CAPACITY → 507, never leaving a partial file. */
@StorageElementTest(properties = {"artstore.storage.storage-id=se-limits-it",
        "artstore.storage.max-file-size=1048576", "artstore.storage.max-capacity=3MB"})
class UploadLimitsIT {

    static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    @Test
    void sizeAndCapacityLimits() throws IOException {
        TestHttp http = SeTest.client(port);
        assertThat(SeTest.upload(http, "exact.bin", Content.bytes(MIB, 1)).status()).isEqualTo(201);

        // one byte over the limit, discovered while streaming
        assertRejected(SeTest.upload(http, "over.bin", Content.bytes(MIB + 1, 2)), 413, "FILE_TOO_LARGE");
        // chunked (no Content-Length), discovered while streaming
        Multipart chunked = Multipart.form().generatedFile("chunked.bin", MIB + MIB / 2, 3);
        assertRejected(http.send(http.request("/api/v1/files/upload").header("Content-Type", chunked.contentType())
                .POST(chunked.chunkedPublisher())), 413, "FILE_TOO_LARGE");
        // declared Content-Length far above the limit: rejected before reading
        Multipart declared = Multipart.form().generatedFile("declared.bin", 2L * MIB, 4);
        assertRejected(http.send(http.request("/api/v1/files/upload").header("Content-Type", declared.contentType())
                .POST(declared.publisher())), 413, "FILE_TOO_LARGE");

        assertThat(SeTest.upload(http, "second.bin", Content.bytes(MIB, 5)).status()).isEqualTo(201);
        assertThat(SeTest.upload(http, "third.bin", Content.bytes(MIB - 1000, 6)).status()).isEqualTo(201);
        // 3 MiB capacity minus 3 MiB - 1000 bytes used: 2000 bytes do not fit
        Multipart full = Multipart.form().generatedFile("full.bin", 2000, 7);
        assertRejected(http.send(http.request("/api/v1/files/upload").header("Content-Type", full.contentType())
                .POST(full.chunkedPublisher())), 507, "STORAGE_FULL");
        assertThat(SeTest.upload(http, "fits.bin", Content.bytes(900, 8)).status()).isEqualTo(201);

        assertThat(http.get("/api/v1/info").json().path("capacity").path("total_bytes").asLong()).isEqualTo(3L * MIB);
        assertThat(http.get("/api/v1/info").json().path("capacity").path("used_bytes").asLong()).isEqualTo(3L * MIB - 100);
        assertThat(http.get("/api/v1/info").json().path("capacity").path("available_bytes").asLong()).isEqualTo(100);
        assertThat(http.get("/health/ready").json().path("checks").path("filesystem").path("status").asString())
                .isEqualTo("degraded");
    }

    private void assertRejected(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
        List<String> leftovers = SeTest.files(layout.dataDir()).stream()
                .filter(n -> n.startsWith(".incoming") || n.contains("over") || n.contains("chunked")
                        || n.contains("declared") || n.contains("full")).toList();
        assertThat(leftovers).isEmpty();
        assertThat(SeTest.files(layout.walDir())).isEmpty();
    }
}
