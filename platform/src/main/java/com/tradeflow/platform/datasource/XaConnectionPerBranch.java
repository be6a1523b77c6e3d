package com.tradeflow.platform.datasource;

import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The driver's XA data source as Seata's XA proxy needs it: one physical connection per XA branch, really closed
 * when Seata closes the branch's connection. Seata closes only the logical connection of an {@link XAConnection},
 * which by the JDBC contract leaves the physical one open (MariaDB and MySQL drivers alike): every branch leaked a
 * session, and the prepared transaction stayed attached to it, so a commit from another session saw
 * XAER_NOTA.
 */
final class XaConnectionPerBranch implements XADataSource {

    private final XADataSource driver;

    XaConnectionPerBranch(XADataSource driver) {
        this.driver = driver;
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return new Branch(driver.getXAConnection());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return new Branch(driver.getXAConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    /** An XA connection whose logical connection closes the physical one. */
    private record Branch(XAConnection physical) implements XAConnection {

        @Override
        public Connection getConnection() throws SQLException {
            Connection logical = physical.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            physical.close();
                            return null;
                        }
                        try {
                            return method.invoke(logical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public XAResource getXAResource() throws SQLException {
            return physical.getXAResource();
        }

        @Override
        public void close() throws SQLException {
            physical.close();
        }

        @Override
        public void addConnectionEventListener(ConnectionEventListener listener) {
            physical.addConnectionEventListener(listener);
        }

        @Override
        public void removeConnectionEventListener(ConnectionEventListener listener) {
            physical.removeConnectionEventListener(listener);
        }

        @Override
        public void addStatementEventListener(StatementEventListener listener) {
            physical.addStatementEventListener(listener);
        }

        @Override
        public void removeStatementEventListener(StatementEventListener listener) {
            physical.removeStatementEventListener(listener);
        }
    }
}
