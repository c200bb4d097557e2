package io.artstore.query.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryServiceTest;
import io.artstore.query.support.Registry;
import io.artstore.query.support.RegistryFile;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Storage elements that fail in ways a real one may (not the contract stand-in): a 5xx answer,
 * and a body that breaks off midway; and a client that gives up a large download.
 */
@QueryServiceTest(properties = "artstore.test.suite=files")
class BrokenStorageElementIT {

    private static final int DECLARED = 1_000_000;
    private static final int SENT = 300_000;
    private static final String FAILING = "00000000-0000-4000-8000-000000000500";
    private static final String HUGE = "00000000-0000-4000-8000-00000000001a";
    private static final long HUGE_SIZE = 1L << 30;

    private final QueryApi api;
    private final Registry registry;
    private final TestTokenIssuer issuer;
    private final int port;
    private final ServerSocket server;
    /** Bytes of {@link #HUGE} written before the reader went away; -1 while writing, or if it never went away. */
    private final CompletableFuture<Long> hugeWritten = new CompletableFuture<>();

    BrokenStorageElementIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc) {
        this.port = port;
        this.issuer = testTokenIssuer;
        this.api = new QueryApi(port, testTokenIssuer);
        this.registry = new Registry(jdbc);
        try {
            this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread.ofVirtual().start(this::serve);
    }

    /** Answers each request on a raw socket: 500 for {@link #FAILING}, else a body that stops early. */
    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                String requestLine = in.readLine();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // skip request headers
                }
                OutputStream out = socket.getOutputStream();
                if (requestLine != null && requestLine.contains(HUGE)) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + HUGE_SIZE
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    writeHuge(out);
                } else if (requestLine != null && requestLine.contains(FAILING)) {
                    out.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + DECLARED
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(new byte[SENT]);
                }
                out.flush();
            } catch (IOException ex) {
                // closed by the test, or the peer went away
            }
        }
    }

    private void writeHuge(OutputStream out) {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try {
            while (written < HUGE_SIZE) {
                out.write(chunk);
                written += chunk.length;
            }
            hugeWritten.complete(-1L);
        } catch (IOException ex) {
            hugeWritten.complete(written);
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private UUID register(UUID id) {
        UUID se = registry.addStorageElement("broken-" + UUID.randomUUID(),
                "http://127.0.0.1:" + server.getLocalPort() + "/" + UUID.randomUUID());
        registry.insert(RegistryFile.active(se, "broken.bin", null).withId(id));
        return id;
    }

    @Test
    void serverErrorOfTheStorageElementIs502() {
        UUID id = register(UUID.fromString(FAILING));
        TestHttp.Response response = api.reader().get("/api/v1/files/" + id + "/download");
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.errorCode()).isEqualTo("SE_UNAVAILABLE");
        assertThat(registry.status(id)).isEqualTo("active");
    }

    @Test
    void aClientGivingUpStopsTheTransferFromTheStorageElement() throws Exception {
        UUID id = register(UUID.fromString(HUGE));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write(("GET /api/v1/files/" + id + "/download HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + issuer.serviceToken("sa_reader", "files:read") + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            while (read < 4L * 1024 * 1024) {
                int n = in.read(buffer);
                assertThat(n).as("the download runs").isPositive();
                read += n;
            }
        }
        long written = hugeWritten.get(30, TimeUnit.SECONDS);
        assertThat(written).as("query-module must drop the SE connection, not read the rest of the file")
                .isNotNegative().isLessThan(HUGE_SIZE / 4);
        assertThat(api.anonymous().get("/metrics").body())
                .containsPattern("query_downloads_total\\{[^}]*status=\"aborted\"[^}]*} [1-9]");
    }

    @Test
    void bodyBreakingOffMidwayIsNotPassedOffAsComplete() {
        UUID id = register(UUID.randomUUID());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/files/" + id + "/download"))
                .header("Authorization", "Bearer " + issuer.serviceToken("sa_reader", "files:read"))
                .timeout(Duration.ofMinutes(2))
                .build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()))
                .as("the client must see a broken transfer, not a short file")
                .isInstanceOf(IOException.class);
        assertThat(api.anonymous().get("/metrics").body())
                .containsPattern("query_downloads_total\\{[^}]*status=\"aborted\"[^}]*} [1-9]");
    }
}
