package com.tradeflow.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The per-JVM test server: a real MariaDB, and a fresh database is empty even when an earlier one was not. */
class TestMariaDbTests {

    @Test
    void shouldHandOutAnEmptyDatabaseOnARealServer() throws Exception {
        String first = TestMariaDb.freshDatabase("test_mariadb_check");
        try (Connection connection = DriverManager.getConnection(first, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            try (ResultSet version = statement.executeQuery("SELECT VERSION()")) {
                assertThat(version.next()).isTrue();
                assertThat(version.getString(1)).contains("MariaDB");
            }
        }

        String again = TestMariaDb.freshDatabase("test_mariadb_check");

        try (Connection connection = DriverManager.getConnection(again, "root", "");
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SHOW TABLES")) {
            assertThat(tables.next()).isFalse();
        }
    }

    @Test
    void shouldRefuseANameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> TestMariaDb.freshDatabase("x; DROP DATABASE mysql"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
