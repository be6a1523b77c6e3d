package com.tradeflow.web;

import com.tradeflow.mariadb.TestMariaDb;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An empty user order database with the service's own migrations, on the test JVM's MariaDB. */
public final class TestOrderDatabase {

    private TestOrderDatabase() {}

    public static DataSource migrated(String name) {
        DataSource database = empty(name);
        migrate(database, MigrationVersion.LATEST);
        return database;
    }

    /** An empty database, for a test that migrates it step by step. */
    public static DataSource empty(String name) {
        return new DriverManagerDataSource(TestMariaDb.freshDatabase(name), "root", "");
    }

    /** Runs the service's migrations up to {@code target}, included. */
    public static void migrate(DataSource database, MigrationVersion target) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/order")
                .target(target)
                .load()
                .migrate();
    }
}
