package org.opennps.shared;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, for the few statements that differ between H2 and
 * PostgreSQL. Asked of the data source once, on first use.
 */
@Component
public class DatabaseProduct {

    private final DataSource dataSource;
    private volatile Boolean postgres;

    public DatabaseProduct(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the database is PostgreSQL (otherwise it is H2). */
    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = isPostgres(dataSource);
            postgres = known;
        }
        return known;
    }

    /** Whether {@code dataSource} connects to PostgreSQL; asks it each time. */
    public static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell the database product", e);
        }
    }
}
