package io.artstore.query.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.http.ContentDisposition;

/**
 * STAND-IN for a storage element, used until the storage-element module is available: a JDK
 * {@link HttpServer} on loopback serving {@code GET /api/v1/files/{file_id}/download} per the
 * storage-element contract from real bytes in a temporary directory — 200 with
 * {@code Content-Length}, {@code ETag} (the checksum), {@code Accept-Ranges},
 * {@code Content-Disposition} (RFC 6266/5987); a single {@code bytes=} range as 206 with
 * {@code Content-Range}; 416 with {@code Content-Range: bytes *}{@code /size} for unsatisfiable
 * ranges; {@code If-Range}; {@code If-None-Match} as 304; 404 for unknown files; 401 unless
 * the expected service token is presented; 409 {@code COPY_CORRUPT} for a copy marked
 * {@linkplain #corrupt corrupt}; any status at all while {@linkplain #failWith failing}. Range
 * handling is deliberately minimal (one range; anything else is served whole).
 */
public final class SeStandIn implements TestStorageElement {

    /** Any path prefix is accepted, so one stand-in can be registered under several (unique) URLs. */
    private static final Pattern DOWNLOAD = Pattern.compile("^(?:/[^/]+)*/api/v1/files/([0-9a-fA-F-]{36})/download$");
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private final HttpServer server;
    private final Path directory;
    private final String expectedToken;
    private final Map<UUID, StoredFile> files = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final Set<UUID> corrupt = ConcurrentHashMap.newKeySet();
    private volatile int failingStatus;

    private SeStandIn(String expectedToken) throws IOException {
        this.expectedToken = expectedToken;
        this.directory = Files.createTempDirectory("se-stand-in");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stand-in that accepts only {@code Bearer <expectedToken>}. */
    public static SeStandIn start(String expectedToken) {
        try {
            return new SeStandIn(expectedToken);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public StoredFile store(String filename, String contentType, byte[] content) {
        return store(UUID.randomUUID(), filename, contentType, content);
    }

    /** Stores a copy of a file under its id, as the SE's copy endpoint would for admin-module's replication. */
    public StoredFile store(UUID id, String filename, String contentType, byte[] content) {
        try {
            Files.write(directory.resolve(id.toString()), content);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        StoredFile stored = new StoredFile(id, sha256(content), content.length, filename, contentType);
        files.put(id, stored);
        return stored;
    }

    @Override
    public void forget(UUID fileId) {
        files.remove(fileId);
        try {
            Files.deleteIfExists(directory.resolve(fileId.toString()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The copy failed its checksum check (scrub): downloads answer 409 {@code COPY_CORRUPT}. */
    public void corrupt(UUID fileId) {
        corrupt.add(fileId);
    }

    /** Every download answers {@code status} (with an error body) from now on; 0 serves normally again. */
    public void failWith(int status) {
        failingStatus = status;
    }

    @Override
    public int downloadRequests() {
        return downloads.get();
    }

    @Override
    public String lastAuthorization() {
        return lastAuthorization.get();
    }

    /** The Content-Disposition this stand-in sends for a file name. */
    public static String contentDisposition(String filename) {
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }

    @Override
    public void close() {
        server.stop(0);
        files.keySet().forEach(this::forget);
        try {
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // temporary directory; the OS cleans up
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = DOWNLOAD.matcher(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod()) || !path.matches()) {
                error(exchange, 404, "NOT_FOUND", "No such endpoint");
                return;
            }
            downloads.incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastAuthorization.set(authorization);
            if (!("Bearer " + expectedToken).equals(authorization)) {
                error(exchange, 401, "UNAUTHORIZED", "Authentication required");
                return;
            }
            int failing = failingStatus;
            if (failing != 0) {
                error(exchange, failing, "INTERNAL_ERROR", "Failing on purpose");
                return;
            }
            UUID id = UUID.fromString(path.group(1));
            StoredFile file = files.get(id);
            if (file == null) {
                error(exchange, 404, "NOT_FOUND", "File not found");
                return;
            }
            if (corrupt.contains(id)) {
                error(exchange, 409, "COPY_CORRUPT", "The copy failed its checksum check");
                return;
            }
            serve(exchange, file);
        }
    }

    private void serve(HttpExchange exchange, StoredFile file) throws IOException {
        String etag = "\"" + file.checksum() + "\"";
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", etag);
        headers.set("Accept-Ranges", "bytes");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains(etag))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        headers.set("Content-Type", file.contentType());
        headers.set("Content-Disposition", contentDisposition(file.filename()));
        long size = file.size();
        long start = 0;
        long end = size - 1;
        int status = 200;
        String range = exchange.getRequestHeaders().getFirst("Range");
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range.trim());
        if (matcher != null && matcher.matches() && (ifRange == null || ifRange.trim().equals(etag))) {
            String first = matcher.group(1);
            String last = matcher.group(2);
            if (first.isEmpty() && last.isEmpty()) {
                status = 200;
            } else if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                start = Math.max(0, size - suffix);
                status = suffix == 0 ? 416 : 206;
            } else {
                start = Long.parseLong(first);
                end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
                status = start >= size || start > end ? 416 : 206;
            }
        }
        if (status == 416) {
            headers.set("Content-Range", "bytes */" + size);
            error(exchange, 416, "INVALID_RANGE", "Requested range is outside the file");
            return;
        }
        if (status == 206) {
            headers.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        } else {
            start = 0;
            end = size - 1;
        }
        long length = end - start + 1;
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length == 0) {
            return;
        }
        try (InputStream in = Files.newInputStream(directory.resolve(file.fileId().toString()));
             OutputStream out = exchange.getResponseBody()) {
            in.skipNBytes(start);
            byte[] buffer = new byte[16 * 1024];
            long remaining = length;
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                remaining -= read;
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
