package io.artstore.admin.accounts;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Client ids of service accounts: {@code sa_<name>_<random>}, readable in logs and
 * tokens. The name part is the account name in lower case with anything but letters,
 * digits and dashes turned into dashes (so the underscores stay unambiguous
 * separators); the random part is 8 lower-case letters and digits.
 */
public final class ClientIds {

    public static final Pattern FORMAT = Pattern.compile("^sa_[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?_[a-z0-9]{8}$");

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int NAME_MAX = 32;
    private static final int RANDOM_LENGTH = 8;

    private ClientIds() {
    }

    public static String generate(String name, SecureRandom random) {
        StringBuilder suffix = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return "sa_" + namePart(name) + "_" + suffix;
    }

    static String namePart(String name) {
        String part = name.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (part.length() > NAME_MAX) {
            part = part.substring(0, NAME_MAX).replaceAll("-+$", "");
        }
        return part.isEmpty() ? "client" : part;
    }
}
