package com.tradeflow.bench.probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the database server's statement counters ({@code Questions}, {@code Com_*}) from
 * {@code SHOW GLOBAL STATUS} over one connection kept open for the run, so that connecting adds nothing to the
 * measured window. Each reading is itself one statement (counted as "other").
 */
public final class SqlStatusProbe implements AutoCloseable {

    private static final String READ =
            "SHOW GLOBAL STATUS WHERE Variable_name = 'Questions' " + "OR Variable_name LIKE 'Com\\_%'";

    private final Connection connection;

    private SqlStatusProbe(Connection connection) {
        this.connection = connection;
    }

    /** @param jdbcUrl e.g. {@code jdbc:mariadb://127.0.0.1:3306/?user=root} */
    public static SqlStatusProbe connect(String jdbcUrl) throws SQLException {
        return new SqlStatusProbe(DriverManager.getConnection(jdbcUrl));
    }

    /** @return status variable -> value */
    public Map<String, Long> read() throws SQLException {
        Map<String, Long> status = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(READ)) {
            while (rows.next()) {
                try {
                    status.put(rows.getString(1), Long.parseLong(rows.getString(2)));
                } catch (NumberFormatException notACounter) {
                    // not a number: not a counter
                }
            }
        }
        return status;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing after the run: nothing to do about it
        }
    }
}
