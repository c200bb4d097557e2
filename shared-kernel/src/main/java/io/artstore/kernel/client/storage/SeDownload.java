package io.artstore.kernel.client.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.http.HttpHeaders;

/**
 * An open download from a storage element: its status (200, 206, 304, 416, ...), headers
 * and the body stream. The caller streams the body onward and must close this. Closing after
 * the whole body was read keeps the connection for the next download; closing earlier (the
 * client went away, or only the headers were wanted) drops the connection instead of reading
 * the rest of the file.
 */
public final class SeDownload implements AutoCloseable {

    /** Unread error bodies up to this size are read on close so that the connection is kept. */
    private static final long SMALL_BODY = 8 * 1024;

    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final HttpHeaders headers = new HttpHeaders();
    private InputStream body;
    private boolean ended;

    SeDownload(HttpUriRequestBase request, ClassicHttpResponse response) {
        this.request = request;
        this.response = response;
        for (Header header : response.getHeaders()) {
            headers.add(header.getName(), header.getValue());
        }
    }

    public int status() {
        return response.getCode();
    }

    public HttpHeaders headers() {
        return headers;
    }

    public InputStream body() throws IOException {
        if (body == null) {
            HttpEntity entity = response.getEntity();
            InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
            body = new FilterInputStream(content) {
                @Override
                public int read() throws IOException {
                    return ended(super.read());
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return ended(super.read(buffer, offset, length));
                }
            };
        }
        return body;
    }

    private int ended(int read) {
        if (read < 0) {
            ended = true;
        }
        return read;
    }

    @Override
    public void close() {
        HttpEntity entity = response.getEntity();
        try {
            if (entity != null && !ended) {
                long length = entity.getContentLength();
                if (length >= 0 && length <= SMALL_BODY) {
                    EntityUtils.consume(entity);
                } else {
                    request.cancel();
                }
            }
        } catch (IOException ex) {
            request.cancel();
        } finally {
            try {
                response.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
    }
}
