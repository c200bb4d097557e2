package io.artstore.kernel.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreOutages() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("wrapped",
                new RuntimeException(new SQLTransientConnectionException("pool timed out"))))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("shutting down", "57P01")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("no such database", "3D000")))).isTrue();
    }

    @Test
    void otherSqlErrorsAndPlainBugsAreNot() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.describe(new RuntimeException(new SQLException("refused", "08001")))).contains("08001");
    }
}
