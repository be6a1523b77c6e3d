package com.tradeflow.platform.datasource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A physical data source (Seata AT or XA proxy, or a plain pool) as ShardingSphere wants to see one:
 * ShardingSphere reads the JDBC url and user from bean getters (it knows Hikari's, not Seata's proxies), so this
 * exposes them and delegates everything else.
 */
public final class ShardingVisibleDataSource implements DataSource {

    private final DataSource delegate;
    private final PhysicalDatabase db;

    public ShardingVisibleDataSource(DataSource delegate, PhysicalDatabase db) {
        this.delegate = delegate;
        this.db = db;
    }

    /** Read by ShardingSphere's data-source reflection. */
    public String getUrl() {
        return db.url();
    }

    /** Read by ShardingSphere's data-source reflection. */
    public String getUsername() {
        return db.username();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(delegate)) {
            return type.cast(delegate);
        }
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(delegate) || delegate.isWrapperFor(type);
    }
}
