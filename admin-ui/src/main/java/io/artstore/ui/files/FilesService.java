package io.artstore.ui.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.ui.api.AdminApi;

import org.springframework.core.ParameterizedTypeReference;

/** The file registry through admin-module's API. */
public class FilesService {

    /** Largest number of registry rows scanned for a name search. */
    static final int SEARCH_SCAN_LIMIT = 20_000;
    private static final int FETCH_LIMIT = 1000;

    private final AdminApi api;

    public FilesService(AdminApi api) {
        this.api = api;
    }

    /** Registry filters of the files table. */
    public record Criteria(String status, String retentionPolicy, String storageElementId) {
    }

    public Page<FileRecord> page(Criteria criteria, int limit, int offset) {
        return api.get(uri -> {
            uri.path("/api/v1/files").queryParam("limit", limit).queryParam("offset", offset);
            if (hasText(criteria.status())) {
                uri.queryParam("status", criteria.status());
            }
            if (hasText(criteria.retentionPolicy())) {
                uri.queryParam("retention_policy", criteria.retentionPolicy());
            }
            if (hasText(criteria.storageElementId())) {
                uri.queryParam("storage_element_id", criteria.storageElementId());
            }
            return uri.build();
        }, new ParameterizedTypeReference<Page<FileRecord>>() { });
    }

    /**
     * The files table. Without a name the registry pages directly; with one, the registry
     * list (with the other filters) is scanned — up to {@link #SEARCH_SCAN_LIMIT} rows —
     * for names containing it, case-insensitively, since the registry list has no name filter.
     */
    public Page<FileRecord> search(Criteria criteria, String name, int limit, int offset) {
        if (!hasText(name)) {
            return page(criteria, limit, offset);
        }
        String needle = name.strip().toLowerCase(Locale.ROOT);
        List<FileRecord> matching = new ArrayList<>();
        int scanned = 0;
        while (scanned < SEARCH_SCAN_LIMIT) {
            Page<FileRecord> page = page(criteria, FETCH_LIMIT, scanned);
            for (FileRecord file : page.items()) {
                if (file.originalFilename() != null && file.originalFilename().toLowerCase(Locale.ROOT).contains(needle)) {
                    matching.add(file);
                }
            }
            scanned += page.items().size();
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
        }
        return Page.slice(matching, PageQuery.of(limit, offset));
    }

    public FileRecord get(String id) {
        return api.get("/api/v1/files/{id}", FileRecord.class, id);
    }

    /** Sets description and tags ({@code tags} comma separated; blanks dropped). */
    public FileRecord update(String id, String description, String tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", description == null ? "" : description.strip());
        body.put("tags", parseTags(tags));
        return api.put("/api/v1/files/{id}", body, FileRecord.class, id);
    }

    public void softDelete(String id) {
        api.delete("/api/v1/files/{id}", id);
    }

    static List<String> parseTags(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
