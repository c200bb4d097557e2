package io.artstore.ui.stub;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-memory stand-in for admin-module's part 2 (storage-element and file registry)
 * and query-module's download, built from the HTTP contract, so the storage and file
 * pages can be driven in a browser before the real services exist. Login accepts the
 * password {@code "pw"} for users {@code admin} (role admin) and {@code viewer} (readonly).
 */
final class FakeAdminModule implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SE_ID = Pattern.compile("/api/v1/storage-elements/([^/]+)(/sync|/mode|/drain)?");
    private static final Pattern FILE_ID = Pattern.compile("/api/v1/files/([^/]+)(/download)?");

    final Map<String, Map<String, Object>> storageElements = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, Map<String, Object>> files = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, String> tokenRoles = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The last JSON body of each {@code "METHOD path"} (what the UI sent). */
    final Map<String, Map<?, ?>> bodies = new ConcurrentHashMap<>();
    /** While true every API call (login aside) answers 503, like admin-module being down. */
    volatile boolean outage;
    /**
     * {@code GET /api/v1/replication/status}: the answer while set; null answers 404 (an
     * admin-module without replication); {@link #replicationFails} makes it a 500.
     */
    volatile Map<String, Object> replicationStatus;
    volatile boolean replicationFails;
    /** While set, {@code POST .../drain} answers 409 {@code CONFLICT} with this message. */
    volatile String drainRefusal;
    private final HttpServer server;

    FakeAdminModule() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A started fake on a free loopback port. */
    static FakeAdminModule start() {
        try {
            return new FakeAdminModule();
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An SE as an older one reports it: no file-system fields. */
    Map<String, Object> addStorageElement(String name, String storageId, String mode, String status, long capacity, long used) {
        return addStorageElement(name, storageId, mode, status, capacity, used, capacity - used, null, null, null);
    }

    Map<String, Object> addStorageElement(String name, String storageId, String mode, String status, long capacity,
                                          long used, long available, String filesystemId, Long filesystemTotal,
                                          Long filesystemAvailable) {
        Map<String, Object> se = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        se.put("id", id);
        se.put("name", name);
        se.put("url", "https://" + storageId + ".example:8010");
        se.put("storage_id", storageId);
        se.put("mode", mode);
        se.put("status", status);
        se.put("capacity_bytes", capacity);
        se.put("used_bytes", used);
        se.put("available_bytes", available);
        se.put("filesystem_id", filesystemId);
        se.put("filesystem_total_bytes", filesystemTotal);
        se.put("filesystem_available_bytes", filesystemAvailable);
        se.put("last_sync_at", Instant.now().toString());
        se.put("last_file_sync_at", Instant.now().toString());
        se.put("created_at", Instant.now().toString());
        se.put("updated_at", Instant.now().toString());
        se.put("site", id); // no label: admin-module shows the SE's id
        se.put("drain_requested_at", null);
        se.put("last_scrub_at", null);
        se.put("drain", null);
        storageElements.put(id, se);
        return se;
    }

    Map<String, Object> addFile(String seId, String name, String status, String retention, String description, List<String> tags) {
        Map<String, Object> file = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        file.put("file_id", id);
        file.put("original_filename", name);
        file.put("content_type", "text/plain");
        file.put("size", 1234 + files.size());
        file.put("checksum", "ab".repeat(32));
        file.put("storage_element_id", seId);
        file.put("uploaded_by", "sa_ingester_x1y2");
        file.put("uploaded_at", Instant.now().toString());
        file.put("description", description);
        file.put("tags", tags);
        file.put("status", status);
        file.put("retention_policy", retention);
        file.put("ttl_days", "temporary".equals(retention) ? 30 : null);
        file.put("expires_at", null);
        file.put("created_at", Instant.now().toString());
        file.put("updated_at", Instant.now().toString());
        file.put("copies_wanted", "temporary".equals(retention) ? 1 : 2);
        List<Map<String, Object>> copies = new ArrayList<>();
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("storage_element_id", seId);
        copy.put("status", "ok");
        copy.put("verified_at", Instant.now().toString());
        copies.add(copy);
        file.put("copies", copies);
        files.put(id, file);
        return file;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(method + " " + path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<?, ?> json = body.length == 0 ? Map.of() : JSON.readValue(body, Map.class);
            bodies.put(method + " " + path, json);
            if (path.equals("/health/live")) {
                send(exchange, 200, Map.of("status", "ok"));
                return;
            }
            if (path.equals("/api/v1/admin-auth/login")) {
                String user = String.valueOf(json.get("username"));
                if (!"pw".equals(json.get("password")) || !(user.equals("admin") || user.equals("viewer"))) {
                    send(exchange, 401, error("INVALID_CREDENTIALS", "wrong"));
                    return;
                }
                send(exchange, 200, tokens(user.equals("admin") ? "admin" : "readonly"));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String role = auth == null ? null : tokenRoles.get(auth.substring("Bearer ".length()));
            if (role == null) {
                send(exchange, 401, error("UNAUTHORIZED", "no token"));
                return;
            }
            if (outage) {
                send(exchange, 503, error("UNAVAILABLE", "down"));
                return;
            }
            String invalid = invalidParameter(path, query);
            if (invalid != null) {
                // like admin-module: a malformed UUID or enum value is a 400, not a 404
                send(exchange, 400, error("VALIDATION_ERROR", invalid));
                return;
            }
            if (!method.equals("GET") && !role.equals("admin") && !path.endsWith("/discover")) {
                send(exchange, 403, error("FORBIDDEN", "readonly"));
                return;
            }
            route(exchange, method, path, query, json, role);
        } catch (RuntimeException ex) {
            send(exchange, 500, error("INTERNAL_ERROR", String.valueOf(ex)));
        }
    }

    private void route(HttpExchange exchange, String method, String path, Map<String, String> query, Map<?, ?> json,
                       String role) throws IOException {
        if (path.equals("/api/v1/admin-auth/me")) {
            send(exchange, 200, Map.of("id", UUID.randomUUID().toString(), "username", role.equals("admin") ? "admin" : "viewer",
                    "role", role, "is_locked", false, "created_at", Instant.now().toString(), "updated_at", Instant.now().toString()));
        } else if (path.equals("/api/v1/replication/status")) {
            Map<String, Object> status = replicationStatus;
            if (replicationFails) {
                send(exchange, 500, error("INTERNAL_ERROR", "boom"));
            } else if (status == null) {
                send(exchange, 404, error("NOT_FOUND", path));
            } else {
                send(exchange, 200, status);
            }
        } else if (path.equals("/api/v1/storage-elements/discover")) {
            String url = String.valueOf(json.get("url"));
            if (!url.startsWith("https://")) {
                send(exchange, 502, error("SE_UNAVAILABLE", "cannot reach " + url));
                return;
            }
            send(exchange, 200, Map.of("storage_id", "se-discovered", "mode", "rw", "status", "online", "version", "1.0.0",
                    "capacity", Map.of("total_bytes", 100L << 30, "used_bytes", 25L << 30, "available_bytes", 75L << 30)));
        } else if (path.equals("/api/v1/storage-elements") && method.equals("POST")) {
            Map<String, Object> se = addStorageElement(String.valueOf(json.get("name")), "se-discovered", "rw", "online",
                    100L << 30, 25L << 30);
            se.put("url", json.get("url"));
            send(exchange, 201, se);
        } else if (path.equals("/api/v1/storage-elements")) {
            List<Map<String, Object>> all = new ArrayList<>(storageElements.values());
            all.removeIf(se -> query.containsKey("mode") && !query.get("mode").equals(se.get("mode")));
            all.removeIf(se -> query.containsKey("status") && !query.get("status").equals(se.get("status")));
            send(exchange, 200, page(all, query));
        } else if (SE_ID.matcher(path).matches()) {
            Matcher m = SE_ID.matcher(path);
            m.matches();
            Map<String, Object> se = storageElements.get(m.group(1));
            if (se == null) {
                send(exchange, 404, error("NOT_FOUND", "no such SE"));
            } else if ("/sync".equals(m.group(2))) {
                long count = files.values().stream().filter(f -> se.get("id").equals(f.get("storage_element_id"))).count();
                send(exchange, 200, Map.of("storage_element", se, "file_sync", Map.of("files_on_se", count, "files_added", 1,
                        "files_updated", 2, "files_marked_deleted", 0, "started_at", Instant.now().toString(),
                        "completed_at", Instant.now().toString())));
            } else if ("/mode".equals(m.group(2))) {
                String target = String.valueOf(json.get("target_mode"));
                String from = String.valueOf(se.get("mode"));
                boolean allowed = (from.equals("rw") && target.equals("ro")) || (from.equals("ro") && target.equals("ar"))
                        || (from.equals("ro") && target.equals("rw"));
                if (!allowed) {
                    send(exchange, 409, error("INVALID_TRANSITION", from + " -> " + target));
                } else if (from.equals("ro") && target.equals("rw") && !Boolean.TRUE.equals(json.get("confirm"))) {
                    send(exchange, 409, error("CONFIRMATION_REQUIRED", "confirm"));
                } else {
                    se.put("mode", target);
                    send(exchange, 200, se);
                }
            } else if ("/drain".equals(m.group(2)) && method.equals("POST")) {
                if (se.get("drain_requested_at") != null || drainRefusal != null) {
                    send(exchange, 409, error("CONFLICT", drainRefusal != null ? drainRefusal : "already draining"));
                    return;
                }
                long count = files.values().stream().filter(f -> se.get("id").equals(f.get("storage_element_id"))).count();
                se.put("drain_requested_at", Instant.now().toString());
                se.put("drain", Map.of("files_total", count, "files_remaining", count));
                send(exchange, 202, se);
            } else if ("/drain".equals(m.group(2)) && method.equals("DELETE")) {
                se.put("drain_requested_at", null);
                se.put("drain", null);
                send(exchange, 204, null);
            } else if (m.group(2) != null) {
                send(exchange, 405, error("METHOD_NOT_ALLOWED", method));
            } else if (method.equals("PATCH")) {
                Object site = json.get("site");
                if (!(site instanceof String label) || label.isBlank() || label.length() > 100) {
                    send(exchange, 400, error("VALIDATION_ERROR", "site: size must be between 1 and 100"));
                    return;
                }
                se.put("site", label);
                send(exchange, 200, se);
            } else if (method.equals("PUT")) {
                se.put("name", json.get("name"));
                se.put("url", json.get("url"));
                send(exchange, 200, se);
            } else if (method.equals("DELETE")) {
                storageElements.remove(m.group(1));
                send(exchange, 204, null);
            } else {
                send(exchange, 200, se);
            }
        } else if (path.equals("/api/v1/files")) {
            List<Map<String, Object>> all = new ArrayList<>(files.values());
            all.removeIf(f -> query.containsKey("status") && !query.get("status").equals(f.get("status")));
            all.removeIf(f -> query.containsKey("retention_policy") && !query.get("retention_policy").equals(f.get("retention_policy")));
            all.removeIf(f -> query.containsKey("storage_element_id") && !query.get("storage_element_id").equals(f.get("storage_element_id")));
            send(exchange, 200, page(all, query));
        } else if (FILE_ID.matcher(path).matches()) {
            Matcher m = FILE_ID.matcher(path);
            m.matches();
            Map<String, Object> file = files.get(m.group(1));
            if (file == null) {
                send(exchange, 404, error("NOT_FOUND", "no such file"));
            } else if ("/download".equals(m.group(2))) {
                byte[] content = ("content of " + file.get("original_filename")).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"download.txt\"");
                exchange.sendResponseHeaders(200, content.length);
                exchange.getResponseBody().write(content);
            } else if (method.equals("PUT")) {
                file.put("description", json.get("description"));
                file.put("tags", json.get("tags"));
                send(exchange, 200, file);
            } else if (method.equals("DELETE")) {
                file.put("status", "deleted");
                send(exchange, 204, null);
            } else {
                send(exchange, 200, file);
            }
        } else if (path.equals("/api/v1/jwt-keys/status")) {
            send(exchange, 200, Map.of("active_key_id", "key-1", "algorithm", "RS256", "created_at", Instant.now().toString()));
        } else {
            send(exchange, 404, error("NOT_FOUND", path));
        }
    }

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Map<String, Pattern> FILTERS = Map.of("status",
            Pattern.compile("active|expired|deleted|online|offline|degraded|maintenance"), "mode",
            Pattern.compile("edit|rw|ro|ar"), "retention_policy", Pattern.compile("temporary|permanent"),
            "storage_element_id", UUID_TEXT, "limit", Pattern.compile("[1-9][0-9]{0,2}|1000"), "offset",
            Pattern.compile("[0-9]+"));

    /** What admin-module's validation would refuse in this request, or null. */
    private static String invalidParameter(String path, Map<String, String> query) {
        for (Pattern idPath : List.of(SE_ID, FILE_ID)) {
            Matcher m = idPath.matcher(path);
            if (m.matches() && !m.group(1).equals("discover") && !UUID_TEXT.matcher(m.group(1)).matches()) {
                return "id: '" + m.group(1) + "' is not a valid UUID";
            }
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            Pattern valid = FILTERS.get(parameter.getKey());
            if (valid != null && !valid.matcher(parameter.getValue()).matches()) {
                return parameter.getKey() + ": '" + parameter.getValue() + "' is not valid";
            }
        }
        return null;
    }

    private Map<String, Object> tokens(String role) {
        String access = "at-" + UUID.randomUUID();
        tokenRoles.put(access, role);
        return Map.of("access_token", access, "refresh_token", "rt_" + UUID.randomUUID(), "token_type", "Bearer",
                "expires_in", 1800);
    }

    private static Map<String, Object> page(List<Map<String, Object>> all, Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int from = Math.min(offset, all.size());
        int to = Math.min(from + limit, all.size());
        return Map.of("items", all.subList(from, to), "total", all.size(), "limit", limit, "offset", offset,
                "has_more", to < all.size());
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
