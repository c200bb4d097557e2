package io.artstore.storage.attr;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Builds on-disk names {@code {original_name}_{uploaded_by}_{timestamp}_{uuid}.{ext}} that
 * are safe on any file system: letters and digits kept, everything else (separators, dots,
 * quotes, control characters, spaces) becomes {@code _}, no leading dot, parts bounded in
 * bytes so the name and its {@code .attr.json} sidecar stay far below 255 bytes.
 */
public final class StorageNames {

    static final int MAX_NAME_BYTES = 96;
    static final int MAX_USER_BYTES = 48;
    static final int MAX_EXT_CHARS = 16;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private StorageNames() {
    }

    public static String build(String originalFilename, String uploadedBy, Instant uploadedAt, UUID fileId) {
        String original = originalFilename == null ? "" : originalFilename;
        int slash = Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\'));
        String leaf = original.substring(slash + 1);
        String base = leaf;
        String ext = "";
        int dot = leaf.lastIndexOf('.');
        if (dot > 0 && dot < leaf.length() - 1) {
            String candidate = sanitizeExtension(leaf.substring(dot + 1));
            if (!candidate.isEmpty()) {
                ext = candidate;
                base = leaf.substring(0, dot);
            }
        }
        String name = bounded(sanitize(base), MAX_NAME_BYTES);
        if (name.isEmpty()) {
            name = "file";
        }
        if (WINDOWS_RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            name = "_" + name;
        }
        String user = bounded(sanitize(uploadedBy == null ? "" : uploadedBy), MAX_USER_BYTES);
        if (user.isEmpty()) {
            user = "unknown";
        }
        return name + "_" + user + "_" + TIMESTAMP.format(uploadedAt) + "_" + fileId + (ext.isEmpty() ? "" : "." + ext);
    }

    /** Letters and digits (any script), {@code -} kept; runs of anything else become one {@code _}. */
    static String sanitize(String value) {
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(cp -> {
            boolean keep = Character.isLetterOrDigit(cp) && !Character.isISOControl(cp) || cp == '-';
            if (keep) {
                out.appendCodePoint(cp);
            } else if (out.isEmpty() || out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        });
        String result = out.toString();
        int start = 0;
        int end = result.length();
        while (start < end && (result.charAt(start) == '_' || result.charAt(start) == '-')) {
            start++;
        }
        while (end > start && result.charAt(end - 1) == '_') {
            end--;
        }
        return result.substring(start, end);
    }

    static String sanitizeExtension(String ext) {
        String lower = ext.toLowerCase(Locale.ROOT);
        if (lower.length() > MAX_EXT_CHARS || !lower.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return "";
        }
        return lower;
    }

    /** Cuts {@code value} to at most {@code maxBytes} UTF-8 bytes without splitting a code point. */
    static String bounded(String value, int maxBytes) {
        if (value.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        String result = out.toString();
        while (result.endsWith("_")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
