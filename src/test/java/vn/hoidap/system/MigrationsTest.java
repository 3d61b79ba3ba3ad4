package vn.hoidap.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(startApplication = false)
class MigrationsTest {

    @Inject
    DataSource dataSource;

    @Test
    void flywayAppliedEveryMigrationSuccessfully() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), bool_and(success) FROM flyway_schema_history WHERE version IS NOT NULL")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "at least one migration applied");
            assertTrue(rs.getBoolean(2), "every migration succeeded");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO app_setting(name, value) VALUES ('migrations-test', 'x') ON CONFLICT DO NOTHING");
        }
    }
}
