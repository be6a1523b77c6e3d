package com.tradeflow.mariadb;

import com.tradeflow.childprocess.FreePorts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * One real MariaDB per test JVM, for repository tests beside the code (run by {@code mvn test}, no stack needed):
 * started on first use on a free loopback port, its files under the module's {@code target/test-mariadb} (the
 * unpacked server is reused by later runs), stopped when the JVM exits. Each test class asks for its own database,
 * created empty.
 */
public final class TestMariaDb {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Path DIR = Path.of("target", "test-mariadb");

    private static EmbeddedMariaDb server;

    private TestMariaDb() {}

    /**
     * A database of that name, dropped first if an earlier run left it.
     *
     * @return its JDBC URL (user {@code root}, no password)
     */
    public static synchronized String freshDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name for tests: " + name);
        }
        try (Connection connection = DriverManager.getConnection(url(""), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    private static String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + running().port() + "/" + database;
    }

    private static EmbeddedMariaDb running() {
        if (server == null) {
            EmbeddedMariaDb started = EmbeddedMariaDb.start(DIR.toAbsolutePath(), FreePorts.pick());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-mariadb-stop"));
            server = started;
        }
        return server;
    }
}
