package io.artstore.admin.users;

import io.artstore.kernel.error.ApiException;

/** Password rules: minimum length (AM_PASSWORD_MIN_LENGTH), at most 128 characters. */
record PasswordPolicy(int minLength) {

    static final int MAX_LENGTH = 128;

    void check(String field, String password) {
        if (password == null || password.length() < minLength) {
            throw ApiException.validation(field + ": must be at least " + minLength + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            throw ApiException.validation(field + ": must be at most " + MAX_LENGTH + " characters long");
        }
    }
}
