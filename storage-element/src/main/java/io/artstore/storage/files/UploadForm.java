package io.artstore.storage.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.artstore.kernel.error.ApiException;
import io.artstore.storage.attr.RetentionPolicy;
import io.artstore.storage.mode.Mode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form fields of an upload besides the file: {@code description} (at most 1000
 * characters), {@code tags} (a JSON array of strings), {@code retention_policy} and
 * {@code ttl_days} (1..365, temporary only). Without a retention policy an {@code edit}
 * SE stores temporary files for 30 days, any other mode permanent ones.
 */
record UploadForm(String description, List<String> tags, RetentionPolicy retentionPolicy, Integer ttlDays) {

    static final String DESCRIPTION = "description";
    static final String TAGS = "tags";
    static final String RETENTION_POLICY = "retention_policy";
    static final String TTL_DAYS = "ttl_days";
    static final Set<String> FIELDS = Set.of(DESCRIPTION, TAGS, RETENTION_POLICY, TTL_DAYS);
    static final int DEFAULT_TTL_DAYS = 30;
    static final int MAX_TTL_DAYS = 365;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Validates and applies the defaults; throws 400 {@code VALIDATION_ERROR}. */
    static UploadForm parse(Map<String, String> fields, Mode mode) {
        String description = MetadataRules.description(blankToNull(fields.get(DESCRIPTION)));
        List<String> tags = MetadataRules.tags(parseTags(fields.get(TAGS)));
        String policyText = blankToNull(fields.get(RETENTION_POLICY));
        RetentionPolicy policy = policyText == null ? null : RetentionPolicy.parse(policyText.trim())
                .orElseThrow(() -> ApiException.validation("retention_policy: must be 'temporary' or 'permanent'"));
        Integer ttl = parseTtl(blankToNull(fields.get(TTL_DAYS)));
        if (policy == null) {
            policy = ttl != null || mode == Mode.EDIT ? RetentionPolicy.TEMPORARY : RetentionPolicy.PERMANENT;
        }
        if (policy == RetentionPolicy.PERMANENT && ttl != null) {
            throw ApiException.validation("ttl_days: only allowed for retention_policy 'temporary'");
        }
        if (policy == RetentionPolicy.TEMPORARY && ttl == null) {
            ttl = DEFAULT_TTL_DAYS;
        }
        return new UploadForm(description, tags, policy, ttl);
    }

    private static List<String> parseTags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException ex) {
            throw ApiException.validation("tags: must be a JSON array of strings");
        }
        if (node == null || !node.isArray()) {
            throw ApiException.validation("tags: must be a JSON array of strings");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isString()) {
                throw ApiException.validation("tags: must be a JSON array of strings");
            }
            tags.add(element.asString());
        }
        return tags;
    }

    private static Integer parseTtl(String text) {
        if (text == null) {
            return null;
        }
        int ttl;
        try {
            ttl = Integer.parseInt(text.trim());
        } catch (NumberFormatException ex) {
            throw ApiException.validation("ttl_days: must be an integer between 1 and " + MAX_TTL_DAYS);
        }
        if (ttl < 1 || ttl > MAX_TTL_DAYS) {
            throw ApiException.validation("ttl_days: must be between 1 and " + MAX_TTL_DAYS);
        }
        return ttl;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
