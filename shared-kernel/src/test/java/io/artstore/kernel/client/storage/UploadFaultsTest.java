package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLServerSocket;

import io.artstore.kernel.client.ClientProperties;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.content.CountingInputStream;
import io.artstore.testsupport.tls.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploads over TLS to a storage element that misbehaves in the ways a blocking client must
 * survive: it answers while the body is still coming and then reads no more, it stops reading
 * without answering (frozen), or it closed a kept connection (restarted). A real SE does the first when it fills up (storage-element's
 * {@code SharedClientUploadIT}); the second cannot be had from a live one, so a TLS server
 * socket plays it here.
 */
class UploadFaultsTest {

    private static final long MIB = 1024 * 1024;
    private static final String FULL = "{\"error\":{\"code\":\"STORAGE_FULL\",\"message\":\"Not enough free space\"}}";

    @TempDir
    static Path dir;

    private static TestCertificates certificates;

    @BeforeAll
    static void certificates() {
        certificates = TestCertificates.generate(dir);
    }

    @Test
    void anAnswerWhileTheBodyIsComingEndsTheUploadWithTheSesError() throws Exception {
        try (SeStub se = new SeStub(socket -> {
            readHead(socket.getInputStream());
            socket.getInputStream().readNBytes((int) MIB);
            answer(socket.getOutputStream(), 507, "Insufficient Storage", FULL);
            // reads nothing more and keeps the connection open: only a client that looks finds the answer
        }); StorageElementClient client = client(Duration.ofSeconds(30))) {
            CountingInputStream source = new CountingInputStream(Content.stream(1024 * MIB, 1));
            Instant start = Instant.now();

            assertThatThrownBy(() -> client.upload(se.url(), upload(), source))
                    .isInstanceOfSatisfying(StorageElementException.class, ex -> {
                        assertThat(ex.status().value()).isEqualTo(507);
                        assertThat(ex.code()).isEqualTo(ErrorCode.STORAGE_FULL);
                        assertThat(ex.getMessage()).isEqualTo("Not enough free space");
                    });
            assertThat(Duration.between(start, Instant.now())).as("well before the 30 s timeout").isLessThan(Duration.ofSeconds(15));
            // the client stopped sending: what it sent fits in the socket buffers between the two
            assertThat(source.taken()).isLessThan(64 * MIB);
        }
    }

    @Test
    void anSeThatStopsReadingIsUnavailableAfterTheTimeout() throws Exception {
        try (SeStub se = new SeStub(socket -> {
            readHead(socket.getInputStream());
            socket.getInputStream().readNBytes((int) MIB);
            // frozen: reads nothing more, answers nothing
        }); StorageElementClient client = client(Duration.ofSeconds(2))) {
            CountingInputStream source = new CountingInputStream(Content.stream(1024 * MIB, 1));
            Instant start = Instant.now();

            assertThatThrownBy(() -> client.upload(se.url(), upload(), source))
                    .isInstanceOfSatisfying(ApiException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.SE_UNAVAILABLE);
                        assertThat(ex.getMessage()).contains("took no more of the upload for PT2S");
                    });
            Duration took = Duration.between(start, Instant.now());
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(15));
            assertThat(source.taken()).isLessThan(64 * MIB);
        }
    }

    @Test
    void anSeThatTakesTheBodyButNeverAnswersIsUnavailableAfterTheTimeout() throws Exception {
        try (SeStub se = new SeStub(socket -> {
            InputStream in = socket.getInputStream();
            readHead(in);
            in.transferTo(OutputStream.nullOutputStream()); // reads until the client gives up
        }); StorageElementClient client = client(Duration.ofSeconds(2))) {
            Instant start = Instant.now();

            assertThatThrownBy(() -> client.upload(se.url(), upload(), Content.stream(4 * MIB, 2)))
                    .isInstanceOfSatisfying(ApiException.class,
                            ex -> assertThat(ex.code()).isEqualTo(ErrorCode.SE_UNAVAILABLE));
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aKeptConnectionTheSeClosedMeanwhileIsNotUsedForTheNextUpload() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (SeStub se = new SeStub(socket -> {
            connections.incrementAndGet();
            InputStream in = socket.getInputStream();
            readHead(in);
            long size = readChunkedBody(in);
            answer(socket.getOutputStream(), 201, "Created", "{\"file_id\":\"" + UUID.randomUUID()
                    + "\",\"original_filename\":\"big.bin\",\"size\":" + size + "}");
            socket.close(); // as a restarted SE would: the client still keeps the connection
        }); StorageElementClient client = client(Duration.ofSeconds(30))) {
            for (int upload = 1; upload <= 3; upload++) {
                SeFileMetadata stored = client.upload(se.url(), upload(), Content.stream(100_000, 3));
                assertThat(stored.originalFilename()).isEqualTo("big.bin");
                assertThat(connections).hasValue(upload);
            }
        }
    }

    private static SeUpload upload() {
        return new SeUpload("big.bin", "application/octet-stream", null, null, null, null, "tester");
    }

    private static StorageElementClient client(Duration timeout) {
        ClientProperties properties = new ClientProperties(null, null, null, Duration.ofSeconds(5),
                certificates.caCert().toString(), Duration.ofSeconds(2), timeout, Duration.ofSeconds(60));
        return new StorageElementClient(RestClient.builder(), properties, () -> "token",
                JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());
    }

    /** Reads an HTTP request head, up to and including its empty line. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request head ended early");
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    /** Reads a chunked request body to its end; answers the size of the chunks' data. */
    private static long readChunkedBody(InputStream in) throws IOException {
        long total = 0;
        while (true) {
            String line = readLine(in);
            int size = Integer.parseInt(line.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return total;
            }
            in.readNBytes(size);
            total += size;
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the body ended early");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void answer(OutputStream out, int status, String reason, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** One TLS connection at a time, handled by {@code behaviour}, held open until the test ends. */
    private static final class SeStub implements AutoCloseable {

        @FunctionalInterface
        interface Behaviour {
            void handle(Socket socket) throws IOException;
        }

        private final SSLServerSocket server;
        private final CountDownLatch done = new CountDownLatch(1);

        SeStub(Behaviour behaviour) throws IOException {
            server = (SSLServerSocket) certificates.serverContext().getServerSocketFactory().createServerSocket(0);
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        Thread.ofVirtual().start(() -> {
                            try (socket) {
                                behaviour.handle(socket);
                                done.await(60, TimeUnit.SECONDS);
                            } catch (IOException | InterruptedException ignored) {
                                // the client gave up: what the test checks
                            }
                        });
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "https://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            done.countDown();
            server.close();
        }
    }
}
