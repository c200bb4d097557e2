package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpHeaders;

/**
 * The connections file downloads from storage elements run on: a pool of blocking TLS
 * connections (Apache HttpClient 5 classic), kept alive between requests.
 *
 * <p>Why not the JDK {@code HttpClient} the other SE calls use: its TLS receive path decrypts on
 * one thread and hands buffers to the reading thread, which delivered a third to a half of what
 * a blocking socket reads on the same machine (docs/benchmarks.md). Why not through
 * {@code RestClient}: closing its response reads the rest of the body to reuse the connection,
 * and a client that gives up a 1 GiB download must not make this service read the gigabyte.
 */
final class DownloadConnections implements AutoCloseable {

    /** Concurrent downloads per storage element (above Tomcat's 200 request threads). */
    static final int PER_STORAGE_ELEMENT = 256;
    private static final int TOTAL = 1024;
    /** Bytes taken from the socket per read beneath TLS (four full TLS records). */
    static final int READ_BUFFER = 64 * 1024;

    private final CloseableHttpClient client;

    DownloadConnections(SSLContext tls, Duration connectTimeout, Duration readTimeout) {
        Timeout connect = Timeout.of(connectTimeout);
        Timeout read = Timeout.of(readTimeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(readBuffered(new DefaultClientTlsStrategy(tls)))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                // a storage element restarted meanwhile closed the kept connection
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .setMaxConnPerRoute(PER_STORAGE_ELEMENT)
                        .setMaxConnTotal(TOTAL)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .build())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                // bytes as stored, ranges as asked, no second attempt behind the caller's back
                .disableContentCompression()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** TLS layered on a {@link ReadBufferedSocket}: one read system call per 64 KiB, not two per record. */
    static TlsSocketStrategy readBuffered(TlsSocketStrategy tls) {
        return (socket, target, port, attachment, context) ->
                tls.upgrade(new ReadBufferedSocket(socket, READ_BUFFER), target, port, attachment, context);
    }

    /** Sends {@code GET uri} with the headers; the caller owns (and closes) the result. */
    SeDownload open(URI uri, HttpHeaders headers) throws IOException {
        HttpGet request = new HttpGet(uri);
        headers.forEach((name, values) -> values.forEach(value -> request.addHeader(name, value)));
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        return new SeDownload(request, response);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
