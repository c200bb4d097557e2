package io.artstore.admin.users;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.artstore.kernel.error.ApiException;
import org.passay.PasswordData;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.passay.rule.DictionaryRule;

/**
 * Password rules of admin users: at least {@code AM_PASSWORD_MIN_LENGTH} characters, at most
 * 72 bytes in UTF-8 (the most BCrypt takes into account; longer ones are refused rather than
 * cut), and not one of the 30,000 most common passwords (compared ignoring case; list and its
 * source in {@code resources/passwords/}), as NIST SP 800-63B asks. Applies to new users, own
 * password changes, resets and the configured initial admin password.
 */
public class PasswordPolicy {

    static final int MAX_BYTES = 72;
    static final String COMMON_PASSWORDS = "/passwords/common-passwords.txt";

    private final int minLength;
    private final DictionaryRule common;

    PasswordPolicy(UserProperties properties) {
        this.minLength = properties.passwordMinLength();
        this.common = new DictionaryRule(new WordListDictionary(loadCommonPasswords()));
    }

    /** Throws 400 {@code VALIDATION_ERROR} naming {@code field} unless {@code password} follows the rules. */
    void check(String field, String password) {
        String problem = problem(password);
        if (problem != null) {
            throw ApiException.validation(field + ": " + problem);
        }
    }

    /** What is wrong with {@code password}, or null. Never repeats the password. */
    String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return "must be at least " + minLength + " characters long";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes long";
        }
        if (!common.validate(new PasswordData(password)).isValid()) {
            return "is one of the most commonly used passwords and easy to guess; choose another one";
        }
        return null;
    }

    private static org.passay.dictionary.ArrayWordList loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the class path");
            }
            // case-insensitive and sorted, as the dictionary's binary search needs
            return WordLists.createFromReader(new Reader[]{new InputStreamReader(in, StandardCharsets.UTF_8)}, false,
                    new ArraysSort());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + COMMON_PASSWORDS, ex);
        }
    }
}
