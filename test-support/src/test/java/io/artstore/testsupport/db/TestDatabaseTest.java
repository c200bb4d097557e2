package io.artstore.testsupport.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTest {

    @Test
    void runsARealQueryAndAFlywayMigration() throws Exception {
        TestDatabase database = TestDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load().migrate();

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ResultSet version = statement.executeQuery("SELECT current_setting('server_version_num')::int");
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(170000);

            ResultSet rows = statement.executeQuery("SELECT name, array_length(tags, 1) FROM sample_item");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("first");
            assertThat(rows.getInt(2)).isEqualTo(2);

            ResultSet history = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success");
            history.next();
            assertThat(history.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void everyDatabaseIsFreshAndIsolated() throws Exception {
        TestDatabase first = TestDatabase.create();
        TestDatabase second = TestDatabase.create();
        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_here (id int)");
        }
        try (Connection connection = second.connect(); Statement statement = connection.createStatement()) {
            ResultSet rs = statement.executeQuery("SELECT to_regclass('only_here') IS NULL");
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }
}
