package org.opennps.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Moves instants in and out of {@code timestamp with time zone} columns through
 * {@link OffsetDateTime}, which H2 and PostgreSQL both map exactly, whatever the JVM's zone.
 * Instants are cut to the microseconds both databases keep: left to the database, a clock
 * reading with nanoseconds is rounded, up half the time, so a row written due "now" would not be
 * due at that same "now" when it is compared with it.
 */
public final class SqlTimes {

    private SqlTimes() {}

    public static OffsetDateTime param(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
