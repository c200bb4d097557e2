package io.artstore.storage.files;

import io.artstore.kernel.error.ApiException;

/**
 * Who an upload is recorded for. People (admin-user tokens, with a {@code role}) are always
 * recorded as themselves. A service account — the ingester uploading on a user's behalf —
 * may name the end user in the {@code uploaded_by} form field; without it, the account
 * itself is recorded.
 */
public record Uploader(String caller, boolean serviceAccount) {

    private static final int MAX_LENGTH = 255;

    public String resolve(String uploadedByField) {
        if (uploadedByField == null || uploadedByField.isBlank() || !serviceAccount) {
            return caller;
        }
        String name = uploadedByField.trim();
        if (name.length() > MAX_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.validation("uploaded_by: at most " + MAX_LENGTH + " characters, no control characters");
        }
        return name;
    }
}
