package io.artstore.kernel.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload.InvalidFileNameException;
import org.apache.commons.fileupload.ParameterParser;
import org.apache.commons.fileupload.util.Streams;

/**
 * Reads a {@code multipart/form-data} request part by part, straight from the socket, with
 * a streaming parser ({@link MultipartParser}): no part is buffered in memory or spooled to
 * a temporary file. Text fields are read with a size bound; the file part is handed over as
 * a stream that must be consumed before asking for the next part. Part headers are
 * interpreted as Commons FileUpload does (its {@code ParameterParser}: quoted values and RFC
 * 2231 {@code filename*}); parts without a field name are skipped.
 */
public final class MultipartReader {

    /** Largest text field accepted (a description is at most 1000 characters, tags a short JSON array). */
    public static final int MAX_FIELD_BYTES = 64 * 1024;
    /** Most parts one request may have: a handful of fields and one file. */
    public static final int MAX_PARTS = 16;
    /** Largest header section of one part. */
    private static final int MAX_PART_HEADER_BYTES = 16 * 1024;

    private final MultipartParser parser;
    private int parts;

    private MultipartReader(MultipartParser parser) {
        this.parser = parser;
    }

    /** Starts reading; a request that is not {@code multipart/form-data} is a 415. */
    public static MultipartReader of(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content type must be multipart/form-data, not '" + contentType + "'");
        }
        ParameterParser parameters = new ParameterParser();
        parameters.setLowerCaseNames(true);
        String boundary = parameters.parse(contentType, new char[] {';', ','}).get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw ApiException.validation("Malformed multipart request: the request was rejected because no multipart boundary was found");
        }
        try {
            return new MultipartReader(new MultipartParser(request.getInputStream(),
                    boundary.getBytes(StandardCharsets.ISO_8859_1), MAX_PART_HEADER_BYTES));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The next part, or {@code null} at the end of the body. */
    public Part next() {
        try {
            while (true) {
                Map<String, String> headers = parser.next();
                if (headers == null) {
                    return null;
                }
                String disposition = headers.get("content-disposition");
                String name = parameter(disposition, "form-data", "name");
                if (name == null) {
                    continue; // not a form field: skipped, as Commons FileUpload does
                }
                if (++parts > MAX_PARTS) {
                    throw ApiException.validation("Too many parts in the multipart body (at most " + MAX_PARTS + ")");
                }
                return new Part(name, parameter(disposition, "attachment", "filename"), headers.get("content-type"),
                        parser.stream());
            }
        } catch (MultipartParser.MultipartFormatException ex) {
            throw ApiException.validation("Malformed multipart request: " + safe(ex));
        } catch (IOException ex) {
            throw new UncheckedIOException("Reading the request body failed", ex);
        }
    }

    /** A trimmed parameter of a {@code form-data} (or, for file names, {@code attachment}) disposition. */
    private static String parameter(String disposition, String alsoAccepted, String parameter) {
        if (disposition == null) {
            return null;
        }
        String lower = disposition.toLowerCase(Locale.ENGLISH);
        if (!lower.startsWith("form-data") && !lower.startsWith(alsoAccepted)) {
            return null;
        }
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        Map<String, String> parameters = parser.parse(disposition, ';');
        if (!parameters.containsKey(parameter)) {
            return null;
        }
        String value = parameters.get(parameter);
        return value == null ? "" : value.trim();
    }

    private static String safe(Exception ex) {
        String message = ex.getMessage();
        return message == null ? "cannot parse body" : message.replaceAll("[\\r\\n]", " ");
    }

    /** One part of the body. */
    public static final class Part {
        private final String name;
        private final String fileName;
        private final String contentType;
        private final InputStream stream;

        Part(String name, String fileName, String contentType, InputStream stream) {
            this.name = name;
            this.fileName = fileName;
            this.contentType = contentType;
            this.stream = stream;
        }

        public String name() {
            return name;
        }

        /** True for a file part (it has a file name), false for a plain form field. */
        public boolean isFile() {
            return fileName != null;
        }

        /** The client's file name exactly as sent ({@code filename*} RFC 2231 form decoded); may be empty. */
        public String fileName() {
            try {
                return fileName == null ? null : Streams.checkFileName(fileName);
            } catch (InvalidFileNameException ex) {
                throw ApiException.validation("file: the file name is not valid");
            }
        }

        public String contentType() {
            return contentType;
        }

        public InputStream stream() {
            return stream;
        }

        /** The field's value as UTF-8 text; a value over {@link #MAX_FIELD_BYTES} is a 400. */
        public String text() {
            try (InputStream in = stream) {
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
}
