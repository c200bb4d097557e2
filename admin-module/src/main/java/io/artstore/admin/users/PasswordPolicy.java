package io.artstore.admin.users;

import java.nio.charset.StandardCharsets;

import io.artstore.kernel.error.ApiException;

/**
 * Password rules: at least {@code AM_PASSWORD_MIN_LENGTH} characters, at most 72 bytes in
 * UTF-8 (the most BCrypt takes into account; longer ones are refused rather than cut).
 */
record PasswordPolicy(int minLength) {

    static final int MAX_BYTES = 72;

    void check(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw ApiException.validation(field + ": must be at least " + minLength + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.validation(field + ": must be at most " + MAX_BYTES + " bytes long");
        }
    }
}
