package io.artstore.query.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryServiceTest;
import io.artstore.query.support.Registry;
import io.artstore.query.support.RegistryFile;
import io.artstore.query.support.SeStandIn;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Downloads of a file with several copies: the proxy fails over from a copy whose storage
 * element is unreachable, failing, no longer has it or reports it corrupt, to the next one, as
 * long as nothing was sent yet, and records what it learned about the copies in the registry.
 * Every test registers storage elements of its own, so none has a latency estimate yet and the
 * copies are tried in registry order: the storage element the file was first stored on first.
 */
@QueryServiceTest(properties = "artstore.test.suite=files")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadFailoverIT {

    private static final String TYPE = "application/octet-stream";

    private final QueryApi api;
    private final Registry registry;
    private final ServiceTokenProvider serviceTokens;
    private final TestTokenIssuer issuer;
    private final int port;
    private final byte[] content = new byte[700_000 + 17];
    private SeStandIn first;
    private SeStandIn second;

    DownloadFailoverIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc,
                       ServiceTokenProvider serviceTokens) {
        this.port = port;
        this.issuer = testTokenIssuer;
        this.api = new QueryApi(port, testTokenIssuer);
        this.registry = new Registry(jdbc);
        this.serviceTokens = serviceTokens;
        new Random(25).nextBytes(content);
    }

    @BeforeAll
    void start() {
        first = SeStandIn.start(serviceTokens.accessToken());
        second = SeStandIn.start(serviceTokens.accessToken());
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
    }

    /**
     * A storage element registered at {@code baseUrl}: every registration gets a fresh id, so no
     * latency estimate yet, and a path of its own (URLs are unique in the registry).
     */
    private UUID register(String baseUrl) {
        return register(baseUrl, "rw", "online");
    }

    private UUID register(String baseUrl, String mode, String status) {
        UUID id = UUID.randomUUID();
        return registry.addStorageElement("se-failover-" + id, baseUrl + "/" + id, mode, status);
    }

    /** A file first stored on {@code firstSe} with a second {@code ok} copy on {@code secondSe}; bytes on {@link #second}. */
    private StoredFile twoCopies(UUID firstSe, UUID secondSe) {
        StoredFile stored = second.store("copied.bin", TYPE, content);
        registry.insert(RegistryFile.active(firstSe, "copied.bin", "failover test").withId(stored.fileId())
                .withContent(TYPE, stored.size(), stored.checksum()));
        registry.addCopy(stored.fileId(), secondSe, "ok");
        return stored;
    }

    private TestHttp.Response download(UUID fileId, String... headers) {
        return api.reader().get("/api/v1/files/" + fileId + "/download", headers);
    }

    private String metrics() {
        return api.anonymous().get("/metrics").body();
    }

    @Test
    void unreachableFirstStorageElementIsPassedOverForTheNextCopy() {
        UUID dead = register("http://127.0.0.1:" + closedPort());
        StoredFile file = twoCopies(dead, register(second.baseUrl()));

        TestHttp.Response response = download(file.fileId());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(content);
        assertThat(response.header("ETag")).isEqualTo("\"" + file.checksum() + "\"");
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(content.length));
        assertThat(response.firstHeaders().toString()).doesNotContain("127.0.0.1");
        assertThat(registry.copyStatus(file.fileId(), dead)).as("unreachable is not missing").isEqualTo("ok");
        assertThat(registry.status(file.fileId())).isEqualTo("active");
        assertThat(metrics()).containsPattern("query_download_failovers_total\\{[^}]*reason=\"unavailable\"[^}]*} [1-9]");
    }

    @Test
    void rangeRequestsFailOverToo() {
        StoredFile file = twoCopies(register("http://127.0.0.1:" + closedPort()), register(second.baseUrl()));

        TestHttp.Response middle = download(file.fileId(), "Range", "bytes=100000-299999");
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 100000-299999/" + content.length);
        assertThat(middle.bytes()).isEqualTo(Arrays.copyOfRange(content, 100_000, 300_000));

        StoredFile other = twoCopies(register("http://127.0.0.1:" + closedPort()), register(second.baseUrl()));
        TestHttp.Response suffix = download(other.fileId(), "Range", "bytes=-1000");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(content, content.length - 1000, content.length));

        StoredFile third = twoCopies(register("http://127.0.0.1:" + closedPort()), register(second.baseUrl()));
        TestHttp.Response unsatisfiable = download(third.fileId(), "Range", "bytes=" + content.length + "-");
        assertThat(unsatisfiable.status()).as("416 is an answer, relayed").isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + content.length);
    }

    @Test
    void failingStorageElementIsPassedOverAndThenTriedLast() {
        try (SeStandIn failing = SeStandIn.start(serviceTokens.accessToken())) {
            failing.failWith(503);
            UUID failingSe = register(failing.baseUrl());
            StoredFile file = twoCopies(failingSe, register(second.baseUrl()));

            assertThat(download(file.fileId()).bytes()).isEqualTo(content);
            assertThat(failing.downloadRequests()).isEqualTo(1);
            assertThat(registry.copyStatus(file.fileId(), failingSe)).isEqualTo("ok");

            assertThat(download(file.fileId()).bytes()).isEqualTo(content);
            assertThat(failing.downloadRequests()).as("the failure put that storage element behind the healthy one")
                    .isEqualTo(1);
        }
    }

    @Test
    void copyTheStorageElementNoLongerHasIsMarkedMissingAndTheFileStaysActive() {
        UUID firstSe = register(first.baseUrl());
        StoredFile file = twoCopies(firstSe, register(second.baseUrl()));
        int before = first.downloadRequests();

        TestHttp.Response response = download(file.fileId());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(content);
        assertThat(first.downloadRequests()).isEqualTo(before + 1);
        assertThat(registry.copyStatus(file.fileId(), firstSe)).isEqualTo("missing");
        assertThat(registry.status(file.fileId())).isEqualTo("active");
        assertThat(api.reader().get("/api/v1/files/" + file.fileId()).json().path("status").asString())
                .isEqualTo("active");

        assertThat(download(file.fileId()).bytes()).isEqualTo(content);
        assertThat(first.downloadRequests()).as("a missing copy is no candidate").isEqualTo(before + 1);
        assertThat(metrics()).containsPattern("query_download_failovers_total\\{[^}]*reason=\"missing\"[^}]*} [1-9]");
    }

    @Test
    void fileIsDeletedOnlyWhenNoCopyIsLeft() {
        UUID firstSe = register(first.baseUrl());
        UUID secondSe = register(second.baseUrl());
        StoredFile file = twoCopies(firstSe, secondSe);
        second.forget(file.fileId());
        assertThat(api.reader().get("/api/v1/files/" + file.fileId()).json().path("status").asString())
                .as("metadata cached while active").isEqualTo("active");

        TestHttp.Response response = download(file.fileId());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(registry.copyStatus(file.fileId(), firstSe)).isEqualTo("missing");
        assertThat(registry.copyStatus(file.fileId(), secondSe)).isEqualTo("missing");
        assertThat(registry.status(file.fileId())).isEqualTo("deleted");
        assertThat(api.reader().get("/api/v1/files/" + file.fileId()).json().path("status").asString())
                .as("cached metadata was evicted").isEqualTo("deleted");
    }

    @Test
    void fileWithACorruptCopyLeftIsNotDeletedWhenTheOtherCopiesAreMissing() {
        UUID firstSe = register(first.baseUrl());
        UUID secondSe = register(second.baseUrl());
        StoredFile file = twoCopies(firstSe, secondSe);
        second.forget(file.fileId());
        UUID damaged = register(first.baseUrl());
        registry.addCopy(file.fileId(), damaged, "corrupt");

        TestHttp.Response response = download(file.fileId());
        assertThat(response.status()).isEqualTo(404);
        assertThat(registry.copyStatus(file.fileId(), secondSe)).isEqualTo("missing");
        assertThat(registry.status(file.fileId())).as("a corrupt copy can still be repaired from").isEqualTo("active");
    }

    @Test
    void corruptCopyIsMarkedCorruptAndServedFromTheNextCopy() {
        UUID firstSe = register(first.baseUrl());
        StoredFile file = twoCopies(firstSe, register(second.baseUrl()));
        first.store(file.fileId(), "copied.bin", TYPE, content);
        first.corrupt(file.fileId());

        TestHttp.Response response = download(file.fileId(), "Range", "bytes=0-99");
        assertThat(response.status()).isEqualTo(206);
        assertThat(response.bytes()).isEqualTo(Arrays.copyOf(content, 100));
        assertThat(registry.copyStatus(file.fileId(), firstSe)).isEqualTo("corrupt");
        assertThat(registry.status(file.fileId())).isEqualTo("active");
        assertThat(metrics()).containsPattern("query_download_failovers_total\\{[^}]*reason=\"corrupt\"[^}]*} [1-9]");
    }

    @Test
    void copiesOnArchiveStorageElementsAreNeverTried() {
        UUID archive = register(first.baseUrl(), "ar", "online");
        StoredFile file = twoCopies(archive, register(second.baseUrl()));
        first.store(file.fileId(), "copied.bin", TYPE, content);
        int before = first.downloadRequests();

        assertThat(download(file.fileId()).bytes()).isEqualTo(content);
        assertThat(first.downloadRequests()).isEqualTo(before);
        assertThat(registry.copyStatus(file.fileId(), archive)).isEqualTo("ok");
    }

    @Test
    void onlineStorageElementsAreTriedBeforeOthers() {
        UUID offline = register(first.baseUrl(), "rw", "offline");
        StoredFile file = twoCopies(offline, register(second.baseUrl()));
        first.store(file.fileId(), "copied.bin", TYPE, content);
        int before = first.downloadRequests();

        assertThat(download(file.fileId()).bytes()).isEqualTo(content);
        assertThat(first.downloadRequests()).isEqualTo(before);
    }

    @Test
    void everyCopyUnavailableIs502AndLeavesTheRegistryAlone() {
        UUID one = register("http://127.0.0.1:" + closedPort());
        UUID two = register("http://127.0.0.1:" + closedPort());
        RegistryFile file = RegistryFile.active(one, "nowhere.bin", null);
        registry.insert(file);
        registry.addCopy(file.fileId(), two, "ok");

        TestHttp.Response response = download(file.fileId());
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.errorCode()).isEqualTo("SE_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("127.0.0.1");
        assertThat(registry.copyStatus(file.fileId(), one)).isEqualTo("ok");
        assertThat(registry.copyStatus(file.fileId(), two)).isEqualTo("ok");
        assertThat(registry.status(file.fileId())).isEqualTo("active");
    }

    @Test
    void fileWithoutAHealthyCopyIs502() {
        UUID se = register(second.baseUrl());
        RegistryFile file = RegistryFile.active(se, "damaged.bin", null);
        registry.insert(file);
        registry.setCopyStatus(file.fileId(), se, "corrupt");
        registry.addCopy(file.fileId(), register(first.baseUrl()), "pending");
        int before = second.downloadRequests();

        TestHttp.Response response = download(file.fileId());
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.errorCode()).isEqualTo("SE_UNAVAILABLE");
        assertThat(second.downloadRequests()).isEqualTo(before);
        assertThat(registry.status(file.fileId())).isEqualTo("active");
    }

    @Test
    void storageElementFailingAfterTheFirstByteStillCutsTheConnection() throws Exception {
        AtomicInteger secondRequests = new AtomicInteger();
        try (ServerSocket breaking = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> breakOffMidway(breaking));
            UUID breakingSe = register("http://127.0.0.1:" + breaking.getLocalPort());
            int before = second.downloadRequests();
            StoredFile file = twoCopies(breakingSe, register(second.baseUrl()));

            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/api/v1/files/" + file.fileId() + "/download"))
                    .header("Authorization", "Bearer " + issuer.serviceToken("sa_reader", "files:read"))
                    .timeout(Duration.ofMinutes(2))
                    .build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()))
                    .as("bytes are out: no failover, the client sees a broken transfer")
                    .isInstanceOf(IOException.class);
            secondRequests.set(second.downloadRequests() - before);
        }
        assertThat(secondRequests.get()).as("the second copy was not tried").isZero();
        assertThat(metrics()).containsPattern("query_downloads_total\\{[^}]*status=\"aborted\"[^}]*} [1-9]");
    }

    /** Answers each request with 200, a declared length of 1,000,000 and 300,000 bytes, then hangs up. */
    private static void breakOffMidway(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.append((char) b);
                }
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[300_000]);
                out.flush();
            } catch (IOException ex) {
                // closed by the test, or the peer went away
            }
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
