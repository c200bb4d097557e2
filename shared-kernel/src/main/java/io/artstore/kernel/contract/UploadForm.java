package io.artstore.kernel.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.artstore.kernel.error.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form fields of an upload besides the file, read with one set of rules by the ingester and
 * the storage element alike: {@code description}, {@code tags} (a JSON array of strings),
 * {@code retention_policy} and {@code ttl_days} (temporary files only: with {@code permanent} it
 * is refused, never dropped). {@code ttl_days} without a policy means {@code temporary}.
 */
public record UploadForm(String description, List<String> tags, RetentionPolicy retentionPolicy, Integer ttlDays) {

    public static final String DESCRIPTION = "description";
    public static final String TAGS = "tags";
    public static final String RETENTION_POLICY = "retention_policy";
    public static final String TTL_DAYS = "ttl_days";
    /** The fields every upload may carry, in the order the contracts list them. */
    public static final Set<String> FIELDS = Set.of(DESCRIPTION, TAGS, RETENTION_POLICY, TTL_DAYS);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Validates {@code fields} and applies the defaults; 400 {@code VALIDATION_ERROR} naming the field
     * otherwise. Fields other than {@link #FIELDS} and {@code alsoAllowed} are refused.
     *
     * @param defaultPolicy  the policy when neither {@code retention_policy} nor {@code ttl_days} is sent
     * @param defaultTtlDays the TTL of a temporary file sent without {@code ttl_days}
     */
    public static UploadForm read(Map<String, String> fields, RetentionPolicy defaultPolicy, int defaultTtlDays,
                                  Set<String> alsoAllowed) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name) && !alsoAllowed.contains(name)) {
                throw ApiException.validation("Unknown form field '" + name + "'");
            }
        }
        String description = MetadataRules.description(blankToNull(fields.get(DESCRIPTION)));
        List<String> tags = MetadataRules.tags(parseTags(blankToNull(fields.get(TAGS))));
        String policyText = blankToNull(fields.get(RETENTION_POLICY));
        Integer ttl = parseTtl(blankToNull(fields.get(TTL_DAYS)));
        RetentionPolicy policy = policyText != null ? ContractValues.require(RetentionPolicy.class, RETENTION_POLICY, policyText)
                : ttl != null ? RetentionPolicy.TEMPORARY : defaultPolicy;
        if (policy == RetentionPolicy.PERMANENT && ttl != null) {
            throw ApiException.validation("ttl_days: only allowed for retention_policy 'temporary'");
        }
        if (policy == RetentionPolicy.TEMPORARY && ttl == null) {
            ttl = MetadataRules.ttlDays(defaultTtlDays);
        }
        return new UploadForm(description, tags, policy, ttl);
    }

    private static List<String> parseTags(String text) {
        if (text == null) {
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
        try {
            return MetadataRules.ttlDays(Integer.parseInt(text.strip()));
        } catch (NumberFormatException ex) {
            throw ApiException.validation("ttl_days: must be an integer between " + MetadataRules.MIN_TTL_DAYS
                    + " and " + MetadataRules.MAX_TTL_DAYS);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
