package com.tradeflow.platform.datasource;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tradeflow.databases.<name>.{url,username,password,pool-size,migrations,lock-wait-timeout-seconds}}. */
@ConfigurationProperties("tradeflow")
public class DatabaseProperties {

    private static final int DEFAULT_POOL_SIZE = 10;
    private static final int DEFAULT_LOCK_WAIT_TIMEOUT_SECONDS = 5;

    private Map<String, Database> databases = new LinkedHashMap<>();

    public Map<String, Database> getDatabases() {
        return databases;
    }

    public void setDatabases(Map<String, Database> databases) {
        this.databases = databases;
    }

    /** The named database; fails with the property path when it is not configured. */
    public PhysicalDatabase get(String name) {
        Database db = databases.get(name);
        if (db == null || db.getUrl() == null) {
            throw new IllegalStateException("tradeflow.databases." + name + ".url is not configured");
        }
        return new PhysicalDatabase(
                name,
                db.getUrl(),
                db.getUsername(),
                db.getPassword(),
                db.getPoolSize(),
                db.getMigrations(),
                db.getLockWaitTimeoutSeconds());
    }

    public static class Database {
        private String url;
        private String username;
        private String password;
        private int poolSize = DEFAULT_POOL_SIZE;
        private String migrations;
        private int lockWaitTimeoutSeconds = DEFAULT_LOCK_WAIT_TIMEOUT_SECONDS;

        public int getLockWaitTimeoutSeconds() {
            return lockWaitTimeoutSeconds;
        }

        public void setLockWaitTimeoutSeconds(int lockWaitTimeoutSeconds) {
            this.lockWaitTimeoutSeconds = lockWaitTimeoutSeconds;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public int getPoolSize() {
            return poolSize;
        }

        public void setPoolSize(int poolSize) {
            this.poolSize = poolSize;
        }

        public String getMigrations() {
            return migrations;
        }

        public void setMigrations(String migrations) {
            this.migrations = migrations;
        }
    }
}
