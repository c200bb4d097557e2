package io.artstore.storage.files;

import java.util.Locale;

/**
 * A parsed {@code Range} header for a representation of {@code size} bytes. One range of
 * the {@code bytes} unit is served ({@code a-b}, {@code a-}, {@code -n}); a header with
 * several ranges or another unit is ignored (the full content is sent, as RFC 9110
 * allows); a malformed header is {@link Kind#INVALID}, one that selects no byte of the
 * file {@link Kind#UNSATISFIABLE}.
 */
public record ByteRange(Kind kind, long start, long end) {

    public enum Kind { FULL, PARTIAL, UNSATISFIABLE, INVALID }

    private static final ByteRange UNSATISFIABLE_RANGE = new ByteRange(Kind.UNSATISFIABLE, 0, -1);
    private static final ByteRange INVALID_RANGE = new ByteRange(Kind.INVALID, 0, -1);

    public static ByteRange full(long size) {
        return new ByteRange(Kind.FULL, 0, size - 1);
    }

    public long length() {
        return end - start + 1;
    }

    public static ByteRange parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return full(size);
        }
        String value = header.trim();
        int eq = value.indexOf('=');
        if (eq < 0) {
            return INVALID_RANGE;
        }
        if (!value.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return full(size); // unknown range unit: ignored
        }
        String spec = value.substring(eq + 1).trim();
        if (spec.contains(",")) {
            for (String part : spec.split(",", -1)) {
                if (parseOne(part.trim(), size).kind == Kind.INVALID) {
                    return INVALID_RANGE;
                }
            }
            return full(size); // several ranges: served as one full response
        }
        return parseOne(spec, size);
    }

    private static ByteRange parseOne(String spec, long size) {
        int dash = spec.indexOf('-');
        if (dash < 0 || spec.indexOf('-', dash + 1) >= 0) {
            return INVALID_RANGE;
        }
        String first = spec.substring(0, dash).trim();
        String last = spec.substring(dash + 1).trim();
        if (first.isEmpty()) {
            if (!digits(last)) {
                return INVALID_RANGE;
            }
            long suffix = number(last);
            if (suffix == 0 || size == 0) {
                return UNSATISFIABLE_RANGE;
            }
            return new ByteRange(Kind.PARTIAL, Math.max(0, size - suffix), size - 1);
        }
        if (!digits(first) || !last.isEmpty() && !digits(last)) {
            return INVALID_RANGE;
        }
        long start = number(first);
        long end = last.isEmpty() ? Long.MAX_VALUE : number(last);
        if (end < start) {
            return INVALID_RANGE;
        }
        if (start >= size) {
            return UNSATISFIABLE_RANGE;
        }
        return new ByteRange(Kind.PARTIAL, start, Math.min(end, size - 1));
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Parses digits, saturating at {@link Long#MAX_VALUE}. */
    private static long number(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=.)", "");
        if (trimmed.length() > 18) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(trimmed);
    }
}
