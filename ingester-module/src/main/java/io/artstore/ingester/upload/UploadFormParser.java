package io.artstore.ingester.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.artstore.ingester.upload.UploadForm.RetentionPolicy;
import io.artstore.kernel.error.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks the text fields of an upload and applies the defaults (temporary, configured TTL). */
public class UploadFormParser {

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_TAGS = 100;
    static final int MAX_TAG_LENGTH = 100;
    static final Set<String> FIELDS = Set.of("description", "tags", "retention_policy", "ttl_days");

    private final JsonMapper json;
    private final int defaultTtlDays;

    public UploadFormParser(JsonMapper json, int defaultTtlDays) {
        this.json = json;
        this.defaultTtlDays = defaultTtlDays;
    }

    public UploadForm parse(Map<String, String> fields) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw ApiException.validation("Unknown form field '" + name + "'");
            }
        }
        String description = fields.get("description");
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            throw ApiException.validation("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        RetentionPolicy policy = policy(fields.get("retention_policy"));
        Integer ttl = ttl(fields.get("ttl_days"), policy);
        return new UploadForm(description, tags(fields.get("tags")), policy, ttl);
    }

    private static RetentionPolicy policy(String value) {
        if (value == null || value.isBlank()) {
            return RetentionPolicy.TEMPORARY;
        }
        for (RetentionPolicy policy : RetentionPolicy.values()) {
            if (policy.value().equals(value.trim())) {
                return policy;
            }
        }
        throw ApiException.validation("retention_policy must be 'temporary' or 'permanent'");
    }

    private Integer ttl(String value, RetentionPolicy policy) {
        if (policy == RetentionPolicy.PERMANENT) {
            return null;
        }
        if (value == null || value.isBlank()) {
            return defaultTtlDays;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= 365) {
                return days;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.validation("ttl_days must be an integer from 1 to 365");
    }

    private List<String> tags(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JacksonException ex) {
            throw ApiException.validation("tags must be a JSON array of strings");
        }
        if (!node.isArray()) {
            throw ApiException.validation("tags must be a JSON array of strings");
        }
        if (node.size() > MAX_TAGS) {
            throw ApiException.validation("at most " + MAX_TAGS + " tags are allowed");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : node) {
            if (!tag.isString()) {
                throw ApiException.validation("tags must be a JSON array of strings");
            }
            String text = tag.asString().trim();
            if (text.isEmpty() || text.length() > MAX_TAG_LENGTH) {
                throw ApiException.validation("each tag must have 1 to " + MAX_TAG_LENGTH + " characters");
            }
            if (!tags.contains(text)) {
                tags.add(text);
            }
        }
        return List.copyOf(tags);
    }
}
