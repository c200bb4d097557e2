package io.artstore.query.search;

import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link JdbcTemplate} whose statements PostgreSQL plans for the values of each run.
 *
 * <p>The PostgreSQL driver prepares a statement on the server from its fifth run on a
 * connection; from then on PostgreSQL may use one generic plan for every value. For a substring,
 * full-text or filter-only search that plan does not know the pattern, the words or the filter
 * values, and it walks the upload-time index and tests row after row: ten times slower than the
 * plan for the actual values (docs/benchmarks.md, sections 3 and 16). The statements of this
 * template are never prepared on the server ({@code prepareThreshold} 0), so each run is planned
 * for its own values.
 */
final class ValuePlannedJdbcTemplate extends JdbcTemplate {

    ValuePlannedJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
}
