package io.artstore.admin.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from PostgreSQL {@code timestamptz}, always in UTC. */
public final class Timestamps {

    private Timestamps() {
    }

    /** SQL parameter value for an instant ({@code null} stays {@code null}). */
    public static OffsetDateTime sql(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a nullable {@code timestamptz} column. */
    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
