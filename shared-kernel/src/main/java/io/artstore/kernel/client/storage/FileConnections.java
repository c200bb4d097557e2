package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpHeaders;

/**
 * The connections file bodies travel on between a service and the storage elements: pools of
 * blocking TLS connections (Apache HttpClient 5 classic), kept alive between requests, one for
 * downloads ({@link #open}) and one for uploads ({@link #post}).
 *
 * <p>Why not the JDK {@code HttpClient} the other SE calls use: its TLS receive path decrypts on
 * one thread and hands buffers to the reading thread, which delivered a third to a half of what
 * a blocking socket reads on the same machine, and its send path copies each buffer the caller
 * writes into a new one for the publishing thread, which took twice the CPU of a blocking write
 * per uploaded GiB (docs/benchmarks.md). Why not through {@code RestClient}: closing its
 * response reads the rest of the body to reuse the connection, and a client that gives up a
 * 1 GiB download must not make this service read the gigabyte.
 *
 * <p>What the blocking client is given to keep the JDK client's behaviour: answers that arrive
 * while an upload is still being sent are noticed ({@link EarlyAnswers}), writes are bounded by
 * the same timeout as reads ({@link WriteTimeouts}), and a connection whose upload was cut short
 * is closed rather than reused.
 */
final class FileConnections implements AutoCloseable {

    /** Concurrent transfers per storage element (above Tomcat's 200 request threads). */
    static final int PER_STORAGE_ELEMENT = 256;
    private static final int TOTAL = 1024;
    /** Bytes taken from the socket per read beneath TLS (four full TLS records). */
    static final int READ_BUFFER = 64 * 1024;

    /** Context attribute: the {@link StreamedBody} of an upload. */
    private static final String BODY = "artstore.streamed-body";

    private final CloseableHttpClient downloads;
    private final CloseableHttpClient uploads;
    private final WriteTimeouts writeTimeouts;

    /**
     * @param timeout longest wait for a storage element: for an answer, for more of a body, or
     *                for a write to be taken
     */
    FileConnections(SSLContext tls, Duration connectTimeout, Duration timeout) {
        EarlyAnswers earlyAnswers = new EarlyAnswers(READ_BUFFER);
        this.writeTimeouts = new WriteTimeouts(timeout);
        // a storage element restarted meanwhile closed the kept connection: looked for after a second idle
        this.downloads = client(tls, earlyAnswers, connectTimeout, timeout, TimeValue.ofSeconds(1));
        // an upload reads its body from the caller once, so it cannot be sent again on a fresh
        // connection: each kept connection is checked (a read of up to 1 ms) before it is used
        this.uploads = client(tls, earlyAnswers, connectTimeout, timeout, TimeValue.ZERO_MILLISECONDS);
    }

    private static CloseableHttpClient client(SSLContext tls, EarlyAnswers earlyAnswers, Duration connectTimeout,
                                              Duration timeout, TimeValue validateAfterInactivity) {
        Timeout connect = Timeout.of(connectTimeout);
        Timeout read = Timeout.of(timeout);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(earlyAnswers.layered(new DefaultClientTlsStrategy(tls)))
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .responseOutOfOrderStrategy(earlyAnswers)
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .setValidateAfterInactivity(validateAfterInactivity)
                                .build())
                        .setMaxConnPerRoute(PER_STORAGE_ELEMENT)
                        .setMaxConnTotal(TOTAL)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .build())
                .setConnectionReuseStrategy(FileConnections::reusable)
                .evictIdleConnections(TimeValue.ofSeconds(30))
                // bytes as stored, ranges as asked, no second attempt behind the caller's back
                .disableContentCompression()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /**
     * An upload cut short by an early answer left the SE in the middle of its body: never reused.
     * (The body is found through the context: the client wraps a request's entity in its own.)
     */
    private static boolean reusable(HttpRequest request, HttpResponse response, HttpContext context) {
        if (context.getAttribute(BODY) instanceof StreamedBody body && !body.complete()) {
            return false;
        }
        return DefaultClientConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context);
    }

    /** Sends {@code GET uri} with the headers; the caller owns (and closes) the result. */
    SeDownload open(URI uri, HttpHeaders headers) throws IOException {
        HttpGet request = withHeaders(new HttpGet(uri), headers);
        ClassicHttpResponse response = downloads.executeOpen(null, request, null);
        return new SeDownload(request, response);
    }

    /** Reads an answer from its status and body. */
    @FunctionalInterface
    interface AnswerReader<T> {
        T read(int status, InputStream body) throws IOException;
    }

    /**
     * Sends {@code POST uri} with the headers and a chunked body of {@code contentType} that
     * {@code body} writes straight to the connection, and reads the answer, which may come
     * before the whole body went out.
     */
    <T> T post(URI uri, HttpHeaders headers, String contentType, StreamedBody.Writer body, AnswerReader<T> reader)
            throws IOException {
        HttpPost request = withHeaders(new HttpPost(uri), headers);
        StreamedBody streamed = new StreamedBody(contentType, body, writeTimeouts, request);
        request.setEntity(streamed);
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(BODY, streamed);
        try (ClassicHttpResponse response = uploads.executeOpen(null, request, context)) {
            HttpEntity entity = response.getEntity();
            try (InputStream answer = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
                return reader.read(response.getCode(), answer);
            }
        }
    }

    private static <R extends HttpUriRequestBase> R withHeaders(R request, HttpHeaders headers) {
        headers.forEach((name, values) -> values.forEach(value -> request.addHeader(name, value)));
        return request;
    }

    @Override
    public void close() throws IOException {
        try (downloads; uploads; writeTimeouts) {
            // all three closed, in reverse order
        }
    }
}
