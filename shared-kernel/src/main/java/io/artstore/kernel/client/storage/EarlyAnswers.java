package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.ResponseOutOfOrderStrategy;
import org.apache.hc.core5.util.Timeout;

/**
 * Notices a storage element's answer that arrives while an upload body is still being sent,
 * such as 507 {@code STORAGE_FULL} or 413 {@code FILE_TOO_LARGE}, so that the client stops
 * sending and reads it. A blocking client otherwise writes the whole body first, and the SE,
 * which stops reading after it answered, closes the connection under it: the answer would be
 * lost and the upload reported as a broken connection.
 *
 * <p>HttpCore's own {@code MonitoringResponseOutOfOrderStrategy} tries a blocking read of up to
 * a millisecond on a TLS connection at every check, which costs about a second per GiB when
 * checked every MiB. This one first looks, without blocking, for bytes beneath TLS (in the
 * {@link ReadBufferedSocket} the TLS socket reads from). Only when some have arrived does it
 * let TLS decode them, with the one-millisecond wait: they may be an answer, or a TLS message of
 * the connection's own (a session ticket after the handshake), which that read consumes.
 */
final class EarlyAnswers implements ResponseOutOfOrderStrategy {

    /** Bytes of body between two looks: one look per write of the upload's 256 KiB buffers. */
    static final long CHECK_EVERY = 64 * 1024;
    private static final Timeout TLS_LOOK = Timeout.ofMilliseconds(1);

    /** The plain socket beneath each TLS socket this pool made (identity keys, dropped with the socket). */
    private final Map<Socket, ReadBufferedSocket> beneathTls = Collections.synchronizedMap(new WeakHashMap<>());
    private final int readBuffer;

    EarlyAnswers(int readBuffer) {
        this.readBuffer = readBuffer;
    }

    /**
     * TLS layered on a {@link ReadBufferedSocket} (one read system call per buffer, not two per
     * TLS record), remembered so that {@link #isEarlyResponseDetected} can look beneath it.
     */
    TlsSocketStrategy layered(TlsSocketStrategy tls) {
        return (socket, target, port, attachment, context) -> {
            ReadBufferedSocket plain = new ReadBufferedSocket(socket, readBuffer);
            SSLSocket secure = tls.upgrade(plain, target, port, attachment, context);
            beneathTls.put(secure, plain);
            return secure;
        };
    }

    @Override
    public boolean isEarlyResponseDetected(ClassicHttpRequest request, HttpClientConnection connection,
                                           InputStream socketInput, long totalBytesSent, long nextWriteSize)
            throws IOException {
        if (totalBytesSent / CHECK_EVERY == (totalBytesSent + nextWriteSize) / CHECK_EVERY) {
            return false;
        }
        Socket socket = connection instanceof ManagedHttpClientConnection managed ? managed.getSocket() : null;
        if (!(socket instanceof SSLSocket)) {
            return socketInput.available() > 0; // plain HTTP: what the socket has is the answer
        }
        ReadBufferedSocket plain = beneathTls.get(socket);
        if (plain != null && !plain.inputWaiting()) {
            return false;
        }
        return connection.isDataAvailable(TLS_LOOK);
    }

    @Override
    public String toString() {
        return "EarlyAnswers[every " + CHECK_EVERY + " bytes, beneath TLS]";
    }
}
