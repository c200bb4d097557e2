package io.artstore.admin.replication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A storage element reduced to what the replication job calls, on plain HTTP: download of a file
 * it holds and the copy endpoint of the design ({@code POST /api/v1/files/{id}/copy}: multipart,
 * {@code metadata} JSON first, then {@code file}; the SHA-256 of the bytes is checked against the
 * metadata's checksum, 422 {@code CHECKSUM_MISMATCH} when it differs, 201 with the metadata).
 * Counts copies received per file, so tests see when a file was copied twice.
 */
final class StubStorageElement implements AutoCloseable {

    private static final Pattern FILE_PATH = Pattern.compile("/api/v1/files/([0-9a-f-]{36})/(download|copy)");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=([^;]+)");
    private static final Pattern CHECKSUM = Pattern.compile("\"checksum\"\\s*:\\s*\"([0-9a-f]{64})\"");

    private final HttpServer server;
    private final Map<UUID, byte[]> files = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> copiesReceived = new ConcurrentHashMap<>();
    private volatile long copyDelayMillis;

    StubStorageElement() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/files/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void put(UUID fileId, byte[] content) {
        files.put(fileId, content);
    }

    byte[] content(UUID fileId) {
        return files.get(fileId);
    }

    int copiesReceived(UUID fileId) {
        AtomicInteger n = copiesReceived.get(fileId);
        return n == null ? 0 : n.get();
    }

    /** Holds every copy request this long, so concurrent passes overlap. */
    void slowCopies(long millis) {
        copyDelayMillis = millis;
    }

    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = FILE_PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                answer(exchange, 404, error("NOT_FOUND", "no such path"));
                return;
            }
            UUID fileId = UUID.fromString(path.group(1));
            if (path.group(2).equals("download") && exchange.getRequestMethod().equals("GET")) {
                byte[] content = files.get(fileId);
                if (content == null) {
                    answer(exchange, 404, error("NOT_FOUND", "no such file"));
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            } else if (path.group(2).equals("copy") && exchange.getRequestMethod().equals("POST")) {
                receiveCopy(exchange, fileId);
            } else {
                answer(exchange, 405, error("METHOD_NOT_ALLOWED", "no"));
            }
        }
    }

    private void receiveCopy(HttpExchange exchange, UUID fileId) throws IOException {
        Matcher boundaryMatch = BOUNDARY.matcher(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!boundaryMatch.find()) {
            answer(exchange, 400, error("VALIDATION_ERROR", "not multipart"));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String delimiter = "--" + boundaryMatch.group(1);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int metadataStart = text.indexOf("\r\n\r\n", text.indexOf("name=\"metadata\"")) + 4;
        String metadata = new String(body, metadataStart, text.indexOf("\r\n" + delimiter, metadataStart) - metadataStart,
                StandardCharsets.UTF_8);
        int fileStart = text.indexOf("\r\n\r\n", text.indexOf("name=\"file\"")) + 4;
        int fileEnd = text.lastIndexOf("\r\n" + delimiter + "--");
        byte[] content = java.util.Arrays.copyOfRange(body, fileStart, fileEnd);
        if (copyDelayMillis > 0) {
            try {
                Thread.sleep(copyDelayMillis);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        Matcher checksum = CHECKSUM.matcher(metadata);
        if (!checksum.find() || !checksum.group(1).equals(sha256(content))) {
            answer(exchange, 422, error("CHECKSUM_MISMATCH", "checksum differs"));
            return;
        }
        copiesReceived.computeIfAbsent(fileId, id -> new AtomicInteger()).incrementAndGet();
        files.put(fileId, content);
        answer(exchange, 201, metadata);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
