package io.artstore.query.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryServiceTest;
import io.artstore.query.support.Registry;
import io.artstore.query.support.RegistryFile;
import io.artstore.query.support.SeStandIn;
import io.artstore.query.support.TestStorageElement;
import io.artstore.query.support.TestStorageElement.StoredFile;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download proxy end to end: client → query-module → storage element, comparing bytes.
 * The storage element is {@link SeStandIn} until the storage-element module can be started
 * here; only {@link #startStorageElement} changes when it is swapped for the real one.
 */
@QueryServiceTest(properties = "artstore.test.suite=files")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadProxyIT {

    private final QueryApi api;
    private final Registry registry;
    private final ServiceTokenProvider serviceTokens;
    private final byte[] large = new byte[1_500_000 + 123];
    private TestStorageElement storageElement;
    private UUID storageElementId;
    private StoredFile largeFile;
    private StoredFile russianFile;

    DownloadProxyIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc,
                    ServiceTokenProvider serviceTokens) {
        this.api = new QueryApi(port, testTokenIssuer);
        this.registry = new Registry(jdbc);
        this.serviceTokens = serviceTokens;
        new Random(7).nextBytes(large);
    }

    private TestStorageElement startStorageElement() {
        return SeStandIn.start(serviceTokens.accessToken());
    }

    @BeforeAll
    void startAndRegister() {
        storageElement = startStorageElement();
        storageElementId = registry.addStorageElement("se-download", storageElement.baseUrl());
        largeFile = storeAndRegister("scan of the archive.bin", "application/octet-stream", large);
        russianFile = storeAndRegister("Годовой отчёт 2025.txt", "text/plain; charset=utf-8",
                "Отчёт за год\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    void stop() {
        storageElement.close();
    }

    private StoredFile storeAndRegister(String name, String type, byte[] content) {
        StoredFile stored = storageElement.store(name, type, content);
        registry.insert(RegistryFile.active(storageElementId, name, "download test").withId(stored.fileId())
                .withContent(type, stored.size(), stored.checksum()));
        return stored;
    }

    private TestHttp.Response download(UUID fileId, String... headers) {
        return api.reader().get("/api/v1/files/" + fileId + "/download", headers);
    }

    private static void assertNoStorageLocation(TestHttp.Response response, TestStorageElement se) {
        String port = se.baseUrl().substring(se.baseUrl().lastIndexOf(':') + 1);
        assertThat(response.firstHeaders().toString()).doesNotContain(port);
        if (response.status() >= 400) {
            assertThat(response.body()).doesNotContain(port).doesNotContain("127.0.0.1");
        }
    }

    @Test
    void fullDownloadRelaysBytesAndHeaders() {
        TestHttp.Response response = download(largeFile.fileId());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(large);
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(large.length));
        assertThat(response.header("ETag")).isEqualTo("\"" + largeFile.checksum() + "\"");
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(response.header("Content-Disposition")).isEqualTo(SeStandIn.contentDisposition("scan of the archive.bin"));
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-cache");
        assertNoStorageLocation(response, storageElement);
    }

    @Test
    void headGivesStatusAndHeadersWithoutBody() {
        TestHttp.Response response = api.reader().send("HEAD", "/api/v1/files/" + largeFile.fileId() + "/download",
                java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(large.length));
        assertThat(response.header("ETag")).isEqualTo("\"" + largeFile.checksum() + "\"");
        assertThat(response.bytes()).isEmpty();
        assertThat(download(largeFile.fileId()).bytes()).as("the proxy still works afterwards").isEqualTo(large);
    }

    @Test
    void nonAsciiNamesKeepTheirEncodedContentDisposition() {
        TestHttp.Response response = download(russianFile.fileId());
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.bytes(), StandardCharsets.UTF_8)).startsWith("Отчёт за год\n");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo(SeStandIn.contentDisposition("Годовой отчёт 2025.txt"))
                .contains("UTF-8''");
    }

    @Test
    void rangesAreRelayedAsPartialContent() {
        TestHttp.Response middle = download(largeFile.fileId(), "Range", "bytes=100000-199999");
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 100000-199999/" + large.length);
        assertThat(middle.header("Content-Length")).isEqualTo("100000");
        assertThat(middle.bytes()).isEqualTo(Arrays.copyOfRange(large, 100_000, 200_000));

        TestHttp.Response tail = download(largeFile.fileId(), "Range", "bytes=1400000-");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(large, 1_400_000, large.length));

        TestHttp.Response suffix = download(largeFile.fileId(), "Range", "bytes=-500");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.header("Content-Range"))
                .isEqualTo("bytes " + (large.length - 500) + "-" + (large.length - 1) + "/" + large.length);
        assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(large, large.length - 500, large.length));
    }

    @Test
    void resumedDownloadReassemblesTheFile() {
        byte[] first = download(largeFile.fileId(), "Range", "bytes=0-699999").bytes();
        String etag = "\"" + largeFile.checksum() + "\"";
        byte[] rest = download(largeFile.fileId(), "Range", "bytes=700000-", "If-Range", etag).bytes();
        byte[] whole = new byte[first.length + rest.length];
        System.arraycopy(first, 0, whole, 0, first.length);
        System.arraycopy(rest, 0, whole, first.length, rest.length);
        assertThat(whole).isEqualTo(large);
    }

    @Test
    void ifRangeWithAStaleTagGivesTheWholeFile() {
        TestHttp.Response response = download(largeFile.fileId(), "Range", "bytes=0-9", "If-Range", "\"stale\"");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(large);
    }

    @Test
    void ifNoneMatchGivesNotModified() {
        String etag = "\"" + largeFile.checksum() + "\"";
        TestHttp.Response current = download(largeFile.fileId(), "If-None-Match", etag);
        assertThat(current.status()).isEqualTo(304);
        assertThat(current.bytes()).isEmpty();
        assertThat(current.header("ETag")).isEqualTo(etag);

        TestHttp.Response changed = download(largeFile.fileId(), "If-None-Match", "\"something-else\"");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.bytes()).isEqualTo(large);
    }

    @Test
    void unsatisfiableRangeIs416FromTheStorageElement() {
        TestHttp.Response response = download(largeFile.fileId(), "Range", "bytes=" + large.length + "-");
        assertThat(response.status()).isEqualTo(416);
        assertThat(response.header("Content-Range")).isEqualTo("bytes */" + large.length);
        assertThat(response.errorCode()).isEqualTo("INVALID_RANGE");
    }

    @Test
    void usesItsOwnServiceTokenTowardsTheStorageElement() {
        download(russianFile.fileId());
        assertThat(storageElement.lastAuthorization()).isEqualTo("Bearer " + serviceTokens.accessToken());
    }

    @Test
    void lazyCleanupWhenTheStorageElementNoLongerHasTheFile() {
        StoredFile gone = storeAndRegister("collected.txt", "text/plain", "soon gone".getBytes(StandardCharsets.UTF_8));
        TestHttp.Response before = api.reader().get("/api/v1/files/" + gone.fileId());
        assertThat(before.json().path("status").asString()).isEqualTo("active");
        assertThat(download(gone.fileId()).status()).isEqualTo(200);

        storageElement.forget(gone.fileId());
        TestHttp.Response response = download(gone.fileId());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(registry.status(gone.fileId())).isEqualTo("deleted");
        assertThat(api.reader().get("/api/v1/files/" + gone.fileId()).json().path("status").asString())
                .as("cached metadata was evicted").isEqualTo("deleted");

        int requests = storageElement.downloadRequests();
        assertThat(download(gone.fileId()).status()).isEqualTo(404);
        assertThat(storageElement.downloadRequests()).as("deleted files are not fetched").isEqualTo(requests);
        assertThat(api.anonymous().get("/metrics").body()).containsPattern("query_lazy_cleanups_total(\\{[^}]*})? [1-9]");
    }

    @Test
    void filesThatAreNotActiveAreNotFound() {
        int requests = storageElement.downloadRequests();
        for (String status : new String[] {"expired", "deleted"}) {
            StoredFile stored = storageElement.store(status + ".txt", "text/plain", new byte[] {1, 2, 3});
            registry.insert(RegistryFile.active(storageElementId, status + ".txt", null).withId(stored.fileId())
                    .withContent("text/plain", 3, stored.checksum()).withStatus(status));
            TestHttp.Response response = download(stored.fileId());
            assertThat(response.status()).as(status).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        }
        assertThat(download(UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(storageElement.downloadRequests()).isEqualTo(requests);
    }

    @Test
    void unreachableStorageElementIs502AndLeavesTheRegistryAlone() {
        UUID deadSe = registry.addStorageElement("se-down", "http://127.0.0.1:" + closedPort());
        RegistryFile file = RegistryFile.active(deadSe, "unreachable.bin", null);
        registry.insert(file);
        TestHttp.Response response = download(file.fileId());
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.errorCode()).isEqualTo("SE_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("127.0.0.1");
        assertThat(registry.status(file.fileId())).isEqualTo("active");
    }

    @Test
    void storageElementRefusingQuerysTokenIs502() {
        try (TestStorageElement strict = SeStandIn.start("a-token-query-does-not-have")) {
            UUID strictSe = registry.addStorageElement("se-strict", strict.baseUrl());
            StoredFile stored = strict.store("strict.txt", "text/plain", new byte[] {42});
            registry.insert(RegistryFile.active(strictSe, "strict.txt", null).withId(stored.fileId())
                    .withContent("text/plain", 1, stored.checksum()));
            TestHttp.Response response = download(stored.fileId());
            assertThat(response.status()).isEqualTo(502);
            assertThat(response.errorCode()).isEqualTo("SE_UNAVAILABLE");
            assertThat(registry.status(stored.fileId())).isEqualTo("active");
        }
    }

    @Test
    void needsFilesReadOrAnAdminRole() {
        String path = "/api/v1/files/" + russianFile.fileId() + "/download";
        assertThat(api.anonymous().get(path).status()).isEqualTo(401);
        TestHttp.Response forbidden = api.withScopes("files:write").get(path);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(api.user("admin").get(path).status()).isEqualTo(200);
        assertThat(api.user("readonly").get(path).status()).isEqualTo(200);
    }

    @Test
    void downloadsAndBytesAreCounted() {
        download(russianFile.fileId());
        String metrics = api.anonymous().get("/metrics").body();
        assertThat(metrics).containsPattern("query_downloads_total\\{[^}]*status=\"success\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("query_download_bytes_total(\\{[^}]*})? [1-9]");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
