package io.artstore.admin.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.artstore.kernel.client.storage.SeFileMetadata;
import org.postgresql.PGConnection;

/**
 * Loads one page of an SE's listing into the sync's {@code sync_page} staging table with a
 * single {@code COPY ... FROM STDIN} (text format): PostgreSQL parses one data stream instead of
 * a batch of multi-row INSERTs with thirteen parameters per row.
 *
 * <p>The values are those the former batched INSERT bound: the same defaults for missing
 * fields, timestamps rounded to microseconds the way the JDBC driver rounds them, tags as a
 * {@code text[]} literal with every element quoted. In the text format a backslash, tab,
 * newline and carriage return are escaped and {@code \N} is NULL.
 */
final class StagingCopy {

    /** The staging table: temporary, so private to the sync's connection and never WAL-logged. */
    static final String CREATE_TABLE = """
            CREATE TEMP TABLE IF NOT EXISTS sync_page (
                file_id UUID, original_filename TEXT, content_type TEXT, size BIGINT, checksum TEXT,
                uploaded_by TEXT, uploaded_at TIMESTAMPTZ, description TEXT, tags TEXT[], status TEXT,
                retention_policy TEXT, ttl_days INTEGER, expires_at TIMESTAMPTZ, copy_status TEXT,
                verified_at TIMESTAMPTZ, updated_at TIMESTAMPTZ)
            """;

    static final String COPY = """
            COPY sync_page (file_id, original_filename, content_type, size, checksum, uploaded_by, uploaded_at,
                            description, tags, status, retention_policy, ttl_days, expires_at, copy_status,
                            verified_at, updated_at)
            FROM STDIN
            """;

    private static final String NULL = "\\N";

    private StagingCopy() {
    }

    /** Copies the files into {@code sync_page}; returns the number of rows PostgreSQL loaded. */
    static long copy(Connection connection, List<SeFileMetadata> files) throws SQLException {
        byte[] data = encode(files).getBytes(StandardCharsets.UTF_8);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(data));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot stream the sync page to PostgreSQL", ex);
        }
    }

    /** The rows in COPY text format, one line per file, columns in the order of {@link #COPY}. */
    static String encode(List<SeFileMetadata> files) {
        StringBuilder out = new StringBuilder(files.size() * 320);
        for (SeFileMetadata file : files) {
            out.append(file.fileId() == null ? NULL : file.fileId().toString()).append('\t');
            text(out, file.originalFilename() == null ? "" : file.originalFilename()).append('\t');
            text(out, file.contentType() == null ? "application/octet-stream" : file.contentType()).append('\t');
            out.append(Math.max(0, file.size())).append('\t');
            text(out, file.checksum() == null ? "" : file.checksum()).append('\t');
            text(out, file.uploadedBy() == null ? "unknown" : file.uploadedBy()).append('\t');
            timestamp(out, file.uploadedAt()).append('\t');
            text(out, file.description()).append('\t');
            tags(out, file.tags() == null ? List.of() : file.tags()).append('\t');
            text(out, file.status()).append('\t');
            text(out, file.retentionPolicy()).append('\t');
            out.append(file.ttlDays() == null ? NULL : file.ttlDays().toString()).append('\t');
            timestamp(out, file.expiresAt()).append('\t');
            // the sidecar's copy status as sent (null from SEs that predate copies: the upsert reads it as ok)
            text(out, file.copyStatus()).append('\t');
            timestamp(out, file.verifiedAt()).append('\t');
            timestamp(out, file.updatedAt()).append('\n');
        }
        return out.toString();
    }

    /** A text value, COPY-escaped; {@code null} is NULL. */
    private static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out.append(NULL);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /**
     * A {@code text[]} literal: every element double-quoted (so commas, braces, spaces and the
     * word NULL stay plain text) with {@code "} and {@code \} backslash-escaped, a {@code null}
     * element as NULL; the literal is then COPY-escaped like any text value.
     */
    private static StringBuilder tags(StringBuilder out, List<String> tags) {
        StringBuilder literal = new StringBuilder(16 * tags.size() + 2).append('{');
        for (int i = 0; i < tags.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String tag = tags.get(i);
            if (tag == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int j = 0; j < tag.length(); j++) {
                char c = tag.charAt(j);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return text(out, literal.append('}').toString());
    }

    /**
     * A {@code timestamptz} in UTC, {@code yyyy-MM-dd HH:mm:ss.SSSSSS+00} (years before 1 with
     * the BC suffix); nanoseconds are rounded half up to microseconds, as the JDBC driver does.
     */
    private static StringBuilder timestamp(StringBuilder out, Instant value) {
        if (value == null) {
            return out.append(NULL);
        }
        Instant rounded = value.getNano() % 1000 > 499 ? value.plusNanos(1000 - value.getNano() % 1000) : value;
        LocalDateTime utc = LocalDateTime.ofInstant(rounded, ZoneOffset.UTC);
        int year = utc.getYear();
        pad(out, year > 0 ? year : 1 - year, 4).append('-');
        pad(out, utc.getMonthValue(), 2).append('-');
        pad(out, utc.getDayOfMonth(), 2).append(' ');
        pad(out, utc.getHour(), 2).append(':');
        pad(out, utc.getMinute(), 2).append(':');
        pad(out, utc.getSecond(), 2).append('.');
        pad(out, utc.getNano() / 1000, 6).append("+00");
        return year > 0 ? out : out.append(" BC");
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
