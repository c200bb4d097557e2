package io.artstore.kernel.client.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import io.artstore.kernel.client.storage.ReadBufferedSocket.ReadBuffer;
import io.artstore.testsupport.tls.TestCertificates;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS layered on the read-buffered socket of the file connections: same bytes, fewer reads. */
class ReadBufferedSocketTest {

    private static final int RECORD = 16 * 1024;
    private static final int BODY = 4 * 1024 * 1024;

    @TempDir
    static Path dir;

    private static TestCertificates certificates;

    @BeforeAll
    static void certificates() {
        certificates = TestCertificates.generate(dir);
    }

    @Test
    void aTlsBodyArrivesWholeInFarFewerReadsOfTheSocket() throws Exception {
        byte[] body = new byte[BODY];
        new Random(7).nextBytes(body);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(body);
        TlsSocketStrategy plain = new DefaultClientTlsStrategy(certificates.clientContext());

        Transfer unbuffered = transfer(body, plain);
        Transfer buffered = transfer(body, new EarlyAnswers(FileConnections.READ_BUFFER).layered(plain));

        assertThat(unbuffered.digest()).isEqualTo(expected);
        assertThat(buffered.digest()).isEqualTo(expected);
        // the TLS socket alone reads each record's header and body separately
        assertThat(unbuffered.socketReads()).isGreaterThanOrEqualTo(2 * BODY / RECORD);
        assertThat(buffered.socketReads()).isLessThan(unbuffered.socketReads() * 3 / 4);
    }

    @Test
    void timeoutsAndCloseAreTheWrappedSockets() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (SSLServerSocket server = server()) {
            Thread.ofVirtual().start(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.startHandshake();
                    done.await(30, TimeUnit.SECONDS); // sends nothing
                } catch (IOException | InterruptedException ignored) {
                    // the client's assertions report it
                }
            });
            Socket socket = connect(server, new AtomicInteger());
            // closing the TLS socket closes the one beneath it (autoClose), as it would the wrapped one
            SSLSocket tls = (SSLSocket) certificates.clientContext().getSocketFactory().createSocket(
                    new ReadBufferedSocket(socket, 64 * 1024), "127.0.0.1", server.getLocalPort(), true);
            tls.setSoTimeout(300);
            assertThat(socket.getSoTimeout()).isEqualTo(300);
            assertThatThrownBy(() -> tls.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            tls.close();
            assertThat(socket.isClosed()).isTrue();
        } finally {
            done.countDown();
        }
    }

    @Test
    void aReadTakesWhatOneReadOfTheSourceBringsAndNoMore() throws IOException {
        ChunkedSource source = new ChunkedSource(bytes(20_000), 64 * 1024);
        ReadBuffer buffer = new ReadBuffer(source, 64 * 1024);
        byte[] target = new byte[30_000];

        assertThat(buffer.read(target, 0, 5)).isEqualTo(5);
        assertThat(source.requests).containsExactly(64 * 1024);
        assertThat(buffer.available()).isEqualTo(19_995);
        assertThat(buffer.read(target, 5, 16_000)).isEqualTo(16_000);
        assertThat(buffer.read(target, 16_005, 10_000)).isEqualTo(3_995);
        assertThat(source.requests).hasSize(1);
        assertThat(buffer.read(target, 0, 1)).isEqualTo(-1);
        assertThat(Arrays.copyOf(target, 20_000)).isEqualTo(bytes(20_000));

        ChunkedSource trickle = new ChunkedSource(bytes(100), 10);
        ReadBuffer slow = new ReadBuffer(trickle, 64 * 1024);
        assertThat(slow.read(new byte[100], 0, 100)).isEqualTo(10);
        assertThat(trickle.requests).hasSize(1);
    }

    @Test
    void largeReadsBypassTheBufferAndSingleBytesAreUnsigned() throws IOException {
        ChunkedSource source = new ChunkedSource(bytes(300_000), 1 << 20);
        ReadBuffer buffer = new ReadBuffer(source, 64 * 1024);
        byte[] target = new byte[128 * 1024];

        assertThat(buffer.read(target, 0, target.length)).isEqualTo(target.length);
        assertThat(source.requests).containsExactly(128 * 1024);
        assertThat(buffer.read()).isEqualTo(bytes(300_000)[128 * 1024] & 0xff);
        assertThat(source.requests).containsExactly(128 * 1024, 64 * 1024);
        assertThat(buffer.read(target, 0, 0)).isZero();
        assertThatThrownBy(() -> buffer.read(target, 1, target.length)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static Transfer transfer(byte[] body, TlsSocketStrategy strategy) throws Exception {
        try (SSLServerSocket server = server()) {
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = server.accept()) {
                    OutputStream out = accepted.getOutputStream();
                    for (int offset = 0; offset < body.length; offset += RECORD) {
                        out.write(body, offset, RECORD);
                    }
                } catch (IOException ignored) {
                    // the client's digest shows it
                }
            });
            AtomicInteger reads = new AtomicInteger();
            Socket socket = connect(server, reads);
            try (SSLSocket tls = strategy.upgrade(socket, "127.0.0.1", server.getLocalPort(), null,
                    HttpClientContext.create())) {
                tls.setSoTimeout(30_000);
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                InputStream in = tls.getInputStream();
                byte[] chunk = new byte[64 * 1024];
                for (int read; (read = in.read(chunk)) >= 0; ) {
                    digest.update(chunk, 0, read);
                }
                return new Transfer(digest.digest(), reads.get());
            }
        }
    }

    private static SSLServerSocket server() throws IOException {
        return (SSLServerSocket) certificates.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** A plain socket connected to the server whose stream counts the reads that reach it. */
    private static Socket connect(SSLServerSocket server, AtomicInteger reads) throws IOException {
        Socket socket = new Socket() {
            @Override
            public InputStream getInputStream() throws IOException {
                return new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        reads.incrementAndGet();
                        return super.read(b, off, len);
                    }
                };
            }
        };
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 10_000);
        return socket;
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private record Transfer(byte[] digest, int socketReads) {
    }

    /** Hands out at most {@code chunk} bytes per read, like a socket, and records each request's length. */
    private static final class ChunkedSource extends InputStream {

        final List<Integer> requests = new ArrayList<>();
        private final byte[] data;
        private final int chunk;
        private int position;

        ChunkedSource(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            throw new AssertionError("single-byte reads must not reach the source");
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            requests.add(length);
            if (position == data.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, chunk), data.length - position);
            System.arraycopy(data, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            throw new AssertionError("available() is a system call on a socket");
        }
    }
}
