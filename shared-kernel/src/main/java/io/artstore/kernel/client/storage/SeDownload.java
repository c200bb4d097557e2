package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An open download from a storage element: its status (200, 206, 304, 416, ...), headers
 * and the body stream. The caller streams the body onward and must close this.
 */
public final class SeDownload implements AutoCloseable {

    private final ClientHttpResponse response;

    SeDownload(ClientHttpResponse response) {
        this.response = response;
    }

    public int status() {
        try {
            return response.getStatusCode().value();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public HttpHeaders headers() {
        return response.getHeaders();
    }

    public InputStream body() throws IOException {
        return response.getBody();
    }

    @Override
    public void close() {
        response.close();
    }
}
