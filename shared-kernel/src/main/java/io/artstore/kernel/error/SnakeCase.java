package io.artstore.kernel.error;

import java.util.Locale;

/** Field names in messages the way clients wrote them: {@code ttlDays} becomes {@code ttl_days}. */
final class SnakeCase {

    private SnakeCase() {
    }

    static String of(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
