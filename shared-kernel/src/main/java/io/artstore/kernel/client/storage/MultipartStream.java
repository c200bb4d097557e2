package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a {@code multipart/form-data} body straight to an output stream: the text fields,
 * then the file part copied from an input stream with a fixed buffer. Nothing is held in
 * memory beyond that buffer. The file name goes as RFC 2231 {@code filename*} (any
 * Unicode, quotes and line breaks survive) after an ASCII {@code filename} fallback.
 */
final class MultipartStream {

    static final int BUFFER = 256 * 1024;

    private final String boundary = "artstore-" + UUID.randomUUID();

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    long write(OutputStream out, SeUpload upload, String tagsJson, InputStream file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        if (upload.description() != null) {
            fields.put("description", upload.description());
        }
        if (tagsJson != null) {
            fields.put("tags", tagsJson);
        }
        if (upload.retentionPolicy() != null) {
            fields.put("retention_policy", upload.retentionPolicy());
        }
        if (upload.ttlDays() != null) {
            fields.put("ttl_days", upload.ttlDays().toString());
        }
        if (upload.uploadedBy() != null) {
            fields.put("uploaded_by", upload.uploadedBy());
        }
        return write(out, fields, upload.originalFilename(), upload.contentType(), file);
    }

    /** The text fields in their order, then the file part. */
    long write(OutputStream out, Map<String, String> fields, String filename, String fileContentType,
               InputStream file) throws IOException {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            ascii(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
            out.write(field.getValue().getBytes(StandardCharsets.UTF_8));
            ascii(out, "\r\n");
        }
        String name = filename == null ? "file" : filename;
        String contentType = fileContentType == null || fileContentType.isBlank()
                ? "application/octet-stream" : fileContentType.replaceAll("[\\r\\n]", "");
        ascii(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + asciiFallback(name) + "\"; filename*=UTF-8''" + rfc5987(name) + "\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n");
        long copied = 0;
        byte[] buffer = new byte[BUFFER];
        // Fill the whole buffer before writing: a multipart part (Commons FileUpload) hands out
        // slices of about 4 KiB, and each write becomes one chunk through the HTTP client's
        // body publisher (a thread hand-off and a TLS record each), which capped uploads
        // through the ingester at a fraction of the disk's speed.
        for (int n; (n = file.readNBytes(buffer, 0, BUFFER)) > 0; ) {
            out.write(buffer, 0, n);
            copied += n;
        }
        ascii(out, "\r\n--" + boundary + "--\r\n");
        out.flush();
        return copied;
    }

    private static void ascii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    static String asciiFallback(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return sb.toString();
    }

    static String rfc5987(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
