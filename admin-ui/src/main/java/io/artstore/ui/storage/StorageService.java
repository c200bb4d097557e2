package io.artstore.ui.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.ui.api.AdminApi;

import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Storage elements through admin-module's registry API. */
public class StorageService {

    private static final int FETCH_LIMIT = 1000;
    private static final int MAX_PAGES = 20;

    private final AdminApi api;
    private final JsonMapper json;

    public StorageService(AdminApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    /** The SE table's page and the drain progress of its SEs being drained (by SE id). */
    public record Listing(Page<StorageElementRecord> elements, Map<UUID, DrainProgress> drains) {
    }

    /** One page of SEs matching mode and status; {@code total} with {@code limit} 1 is a cheap count. */
    public Page<StorageElementRecord> page(String mode, String status, int limit, int offset) {
        return rawPage(mode, status, limit, offset).map(this::record);
    }

    // The kernel's SE record has no drain progress (admin-module adds it to its list and GET
    // views only), so the items are read as JSON once and both parts taken from them.
    private Page<JsonNode> rawPage(String mode, String status, int limit, int offset) {
        return api.get(uri -> {
            uri.path("/api/v1/storage-elements").queryParam("limit", limit).queryParam("offset", offset);
            if (hasText(mode)) {
                uri.queryParam("mode", mode);
            }
            if (hasText(status)) {
                uri.queryParam("status", status);
            }
            return uri.build();
        }, new ParameterizedTypeReference<Page<JsonNode>>() { });
    }

    private StorageElementRecord record(JsonNode item) {
        return json.treeToValue(item, StorageElementRecord.class);
    }

    private DrainProgress drain(JsonNode item) {
        JsonNode drain = item.get("drain");
        return drain == null || !drain.isObject() ? null : json.treeToValue(drain, DrainProgress.class);
    }

    /** Every SE matching mode and status (the registry holds few SEs; paged through defensively). */
    public List<StorageElementRecord> all(String mode, String status) {
        return allItems(mode, status).stream().map(this::record).toList();
    }

    private List<JsonNode> allItems(String mode, String status) {
        List<JsonNode> all = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < MAX_PAGES; i++) {
            Page<JsonNode> page = rawPage(mode, status, FETCH_LIMIT, offset);
            all.addAll(page.items());
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
            offset += page.items().size();
        }
        return all;
    }

    /**
     * The SE table: mode/status filtered by admin-module, the name search (name, storage id,
     * URL or site containing {@code query}, case-insensitive) here, then paged.
     */
    public Listing search(String mode, String status, String query, int limit, int offset) {
        String needle = hasText(query) ? query.strip().toLowerCase(Locale.ROOT) : null;
        List<StorageElementRecord> matching = new ArrayList<>();
        Map<UUID, DrainProgress> drains = new LinkedHashMap<>();
        for (JsonNode item : allItems(mode, status)) {
            StorageElementRecord se = record(item);
            if (needle == null || contains(se.name(), needle) || contains(se.storageId(), needle)
                    || contains(se.url(), needle) || contains(se.site(), needle)) {
                matching.add(se);
                DrainProgress drain = drain(item);
                if (drain != null && se.id() != null) {
                    drains.put(se.id(), drain);
                }
            }
        }
        return new Listing(Page.slice(matching, PageQuery.of(limit, offset)), drains);
    }

    public StorageElementRecord get(String id) {
        return api.get("/api/v1/storage-elements/{id}", StorageElementRecord.class, id);
    }

    public Discovery discover(String url) {
        return api.post("/api/v1/storage-elements/discover", Map.of("url", url.strip()), Discovery.class);
    }

    public StorageElementRecord register(String name, String url) {
        return api.post("/api/v1/storage-elements", Map.of("name", name.strip(), "url", url.strip()),
                StorageElementRecord.class);
    }

    public StorageElementRecord update(String id, String name, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name == null ? "" : name.strip());
        body.put("url", url == null ? "" : url.strip());
        return api.put("/api/v1/storage-elements/{id}", body, StorageElementRecord.class, id);
    }

    public void delete(String id) {
        api.delete("/api/v1/storage-elements/{id}", id);
    }

    public SyncResult sync(String id) {
        return api.post("/api/v1/storage-elements/{id}/sync", null, SyncResult.class, id);
    }

    /** Sets the site label copies are spread over (admin-module: 1..100 characters). */
    public StorageElementRecord updateSite(String id, String site) {
        return api.patch("/api/v1/storage-elements/{id}", Map.of("site", site.strip()), StorageElementRecord.class, id);
    }

    /** Starts draining: the replication job copies every file of the SE elsewhere. */
    public StorageElementRecord drain(String id) {
        return api.post("/api/v1/storage-elements/{id}/drain", null, StorageElementRecord.class, id);
    }

    public void cancelDrain(String id) {
        api.delete("/api/v1/storage-elements/{id}/drain", id);
    }

    public void changeMode(String id, String targetMode, boolean confirm) {
        api.post("/api/v1/storage-elements/{id}/mode", Map.of("target_mode", targetMode, "confirm", confirm), id);
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
