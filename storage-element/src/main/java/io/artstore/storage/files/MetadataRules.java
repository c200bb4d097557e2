package io.artstore.storage.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.artstore.kernel.error.ApiException;

/** Limits on user-supplied metadata shared by upload and update. */
final class MetadataRules {

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_TAGS = 100;
    static final int MAX_TAG_LENGTH = 100;

    private MetadataRules() {
    }

    static String description(String value) {
        if (value != null && value.length() > MAX_DESCRIPTION) {
            throw ApiException.validation("description: must be at most " + MAX_DESCRIPTION + " characters");
        }
        return value;
    }

    /** Trimmed, de-duplicated tags in the given order. */
    static List<String> tags(List<String> values) {
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
            String tag = value.trim();
            if (tag.length() > MAX_TAG_LENGTH || tag.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.validation("tags: each tag must be at most " + MAX_TAG_LENGTH
                        + " characters without control characters");
            }
            tags.add(tag);
        }
        return new ArrayList<>(tags);
    }
}
