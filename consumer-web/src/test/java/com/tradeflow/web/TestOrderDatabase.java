package com.tradeflow.web;

import com.tradeflow.mariadb.TestMariaDb;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An empty user order database with the service's own migrations, on the test JVM's MariaDB. */
public final class TestOrderDatabase {

    private TestOrderDatabase() {}

    public static DataSource migrated(String name) {
        DataSource database = new DriverManagerDataSource(TestMariaDb.freshDatabase(name), "root", "");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/order")
                .load()
                .migrate();
        return database;
    }
}
