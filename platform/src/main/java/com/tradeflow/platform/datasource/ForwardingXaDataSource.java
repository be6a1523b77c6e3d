package com.tradeflow.platform.datasource;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/** The driver's XA data source with each connection wrapped by a subclass; everything else goes to the driver. */
public abstract class ForwardingXaDataSource implements XADataSource {

    private final XADataSource driver;

    protected ForwardingXaDataSource(XADataSource driver) {
        this.driver = driver;
    }

    /** The connection handed out for the driver's {@code physical} one. */
    protected abstract XAConnection wrap(XAConnection physical) throws SQLException;

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return wrap(driver.getXAConnection());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return wrap(driver.getXAConnection(user, password));
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
}
