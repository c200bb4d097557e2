package io.artstore.storage.files;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for any file name (RFC 6266): an ASCII-only
 * quoted {@code filename} fallback and the exact name as RFC 5987 {@code filename*}.
 * Control characters, quotes, backslashes and path separators never reach the header
 * raw, so a name cannot inject headers or directories.
 */
public final class ContentDispositions {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDispositions() {
    }

    public static String attachment(String filename) {
        String name = filename == null || filename.isEmpty() ? "download" : filename;
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            boolean safe = cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '/' && cp != '%' && cp != ';';
            out.append(safe ? (char) cp : '_');
        });
        String result = out.toString().strip();
        return result.isEmpty() || result.chars().allMatch(c -> c == '_' || c == '.') ? "download" : result;
    }

    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
