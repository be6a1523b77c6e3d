package com.tradeflow.platform.datasource;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;

/** A driver's XA connection, everything forwarded; subclasses change what they need. */
public abstract class ForwardingXaConnection implements XAConnection {

    protected final XAConnection physical;

    protected ForwardingXaConnection(XAConnection physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return physical.getConnection();
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
