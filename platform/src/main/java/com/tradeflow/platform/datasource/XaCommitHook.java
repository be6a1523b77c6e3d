package com.tradeflow.platform.datasource;

import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The driver's XA data source with a hook that runs before each branch's phase-two commit, when every branch is
 * prepared and the decision is in the manager's log: where fault tests stop a service to leave a transaction in
 * doubt. Everything else goes to the driver.
 */
final class XaCommitHook implements XADataSource {

    private final XADataSource driver;
    private final Runnable beforeCommit;

    XaCommitHook(XADataSource driver, Runnable beforeCommit) {
        this.driver = driver;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return hooked(driver.getXAConnection());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return hooked(driver.getXAConnection(user, password));
    }

    /** One resource per connection, as the driver's: the manager may compare what it got earlier. */
    private XAConnection hooked(XAConnection physical) throws SQLException {
        return new HookedConnection(physical, new HookedResource(physical.getXAResource(), beforeCommit));
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

    private record HookedConnection(XAConnection physical, HookedResource resource) implements XAConnection {

        @Override
        public XAResource getXAResource() {
            return resource;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return physical.getConnection();
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

    private record HookedResource(XAResource resource, Runnable beforeCommit) implements XAResource {

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            if (!onePhase) {
                beforeCommit.run();
            }
            resource.commit(xid, onePhase);
        }

        @Override
        public boolean isSameRM(XAResource other) throws XAException {
            return resource.isSameRM(other instanceof HookedResource hooked ? hooked.resource() : other);
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            resource.end(xid, flags);
        }

        @Override
        public void forget(Xid xid) throws XAException {
            resource.forget(xid);
        }

        @Override
        public int getTransactionTimeout() throws XAException {
            return resource.getTransactionTimeout();
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            return resource.prepare(xid);
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return resource.recover(flag);
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            resource.rollback(xid);
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return resource.setTransactionTimeout(seconds);
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            resource.start(xid, flags);
        }
    }
}
