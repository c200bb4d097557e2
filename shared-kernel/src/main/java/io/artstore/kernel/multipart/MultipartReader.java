package io.artstore.kernel.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadBase;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;

/**
 * Reads a {@code multipart/form-data} request part by part, straight from the socket, with
 * Commons FileUpload's streaming iterator: no part is buffered in memory or spooled to a
 * temporary file. Text fields are read with a size bound; the file part is handed over as
 * a stream that must be consumed before asking for the next part.
 */
public final class MultipartReader {

    /** Largest text field accepted (a description is at most 1000 characters, tags a short JSON array). */
    public static final int MAX_FIELD_BYTES = 64 * 1024;
    /** Most parts one request may have: a handful of fields and one file. */
    public static final int MAX_PARTS = 16;
    /** Read-ahead on the socket stream: the parser hands out small slices otherwise. */
    private static final int BUFFER_SIZE = 64 * 1024;

    private final FileItemIterator iterator;

    private MultipartReader(FileItemIterator iterator) {
        this.iterator = iterator;
    }

    /** Starts reading; a request that is not {@code multipart/form-data} is a 415. */
    public static MultipartReader of(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content type must be multipart/form-data, not '" + contentType + "'");
        }
        FileUpload upload = new FileUpload();
        upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
        upload.setPartHeaderSizeMax(16 * 1024);
        upload.setFileCountMax(MAX_PARTS);
        try {
            return new MultipartReader(upload.getItemIterator(new ServletUploadContext(request)));
        } catch (FileUploadException ex) {
            throw ApiException.validation("Malformed multipart request: " + safe(ex));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The next part, or {@code null} at the end of the body. */
    public Part next() {
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            return new Part(iterator.next());
        } catch (org.apache.commons.fileupload.FileCountLimitExceededException ex) {
            throw ApiException.validation("Too many parts in the multipart body (at most " + MAX_PARTS + ")");
        } catch (FileUploadBase.FileUploadIOException ex) {
            throw ApiException.validation("Malformed multipart request: " + safe(ex));
        } catch (FileUploadException ex) {
            throw ApiException.validation("Malformed multipart request: " + safe(ex));
        } catch (IOException ex) {
            throw new UncheckedIOException("Reading the request body failed", ex);
        }
    }

    private static String safe(Exception ex) {
        String message = ex.getMessage();
        return message == null ? "cannot parse body" : message.replaceAll("[\\r\\n]", " ");
    }

    /** One part of the body. */
    public static final class Part {
        private final FileItemStream item;

        Part(FileItemStream item) {
            this.item = item;
        }

        public String name() {
            return item.getFieldName();
        }

        /** True for a file part (it has a file name), false for a plain form field. */
        public boolean isFile() {
            return !item.isFormField();
        }

        /** The client's file name exactly as sent ({@code filename*} RFC 2231 form decoded); may be empty. */
        public String fileName() {
            try {
                return item.getName();
            } catch (org.apache.commons.fileupload.InvalidFileNameException ex) {
                throw ApiException.validation("file: the file name is not valid");
            }
        }

        public String contentType() {
            return item.getContentType();
        }

        public InputStream stream() {
            try {
                return item.openStream();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** The field's value as UTF-8 text; a value over {@link #MAX_FIELD_BYTES} is a 400. */
        public String text() {
            try (InputStream in = item.openStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    if (out.size() > MAX_FIELD_BYTES) {
                        throw ApiException.validation("Field '" + name() + "' is too long");
                    }
                }
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private record ServletUploadContext(HttpServletRequest request) implements UploadContext {
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
            return new java.io.BufferedInputStream(request.getInputStream(), BUFFER_SIZE);
        }
    }
}
