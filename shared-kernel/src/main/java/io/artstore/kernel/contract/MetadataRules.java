package io.artstore.kernel.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.artstore.kernel.error.ApiException;

/** Limits on the metadata a user supplies (upload and update), the same in every module. */
public final class MetadataRules {

    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_TAGS = 100;
    public static final int MAX_TAG_LENGTH = 100;
    public static final int MIN_TTL_DAYS = 1;
    public static final int MAX_TTL_DAYS = 365;

    private MetadataRules() {
    }

    /** At most {@value #MAX_DESCRIPTION} characters (code points); {@code null} stays {@code null}. */
    public static String description(String value) {
        if (value != null && value.codePointCount(0, value.length()) > MAX_DESCRIPTION) {
            throw ApiException.validation("description: must be at most " + MAX_DESCRIPTION + " characters");
        }
        return value;
    }

    /** Trimmed, de-duplicated tags in the given order; {@code null} is no tags. */
    public static List<String> tags(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_TAGS) {
            throw ApiException.validation("tags: at most " + MAX_TAGS + " tags are allowed");
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw ApiException.validation("tags: tags must be non-empty strings");
            }
            String tag = value.strip();
            if (tag.length() > MAX_TAG_LENGTH || tag.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.validation("tags: each tag must be at most " + MAX_TAG_LENGTH
                        + " characters without control characters");
            }
            tags.add(tag);
        }
        return new ArrayList<>(tags);
    }

    /** A TTL in days, {@value #MIN_TTL_DAYS}..{@value #MAX_TTL_DAYS}. */
    public static int ttlDays(int days) {
        if (days < MIN_TTL_DAYS || days > MAX_TTL_DAYS) {
            throw ApiException.validation("ttl_days: must be between " + MIN_TTL_DAYS + " and " + MAX_TTL_DAYS);
        }
        return days;
    }
}
