package io.artstore.storage.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload.UploadContext;

/** Adapts a Jakarta servlet request to Commons FileUpload 1.x, whose servlet support is javax-only. */
final class MultipartRequestContext implements UploadContext {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final HttpServletRequest request;

    MultipartRequestContext(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String getCharacterEncoding() {
        return request.getCharacterEncoding();
    }

    @Override
    public String getContentType() {
        return request.getContentType();
    }

    @Override
    @Deprecated
    public int getContentLength() {
        return request.getContentLength();
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new BufferedInputStream(request.getInputStream(), BUFFER_SIZE);
    }
}
