package com.tradeflow.platform.datasource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * The driver's XA data source as Seata's XA proxy needs it: one physical connection per XA branch, really closed
 * when Seata closes the branch's connection. Seata closes only the logical connection of an {@link XAConnection},
 * which by the JDBC contract leaves the physical one open (MariaDB and MySQL drivers alike): every branch leaked a
 * session, and the prepared transaction stayed attached to it, so a commit from another session saw
 * XAER_NOTA.
 */
final class XaConnectionPerBranch extends ForwardingXaDataSource {

    XaConnectionPerBranch(XADataSource driver) {
        super(driver);
    }

    @Override
    protected XAConnection wrap(XAConnection physical) {
        return new Branch(physical);
    }

    /** An XA connection whose logical connection closes the physical one. */
    private static final class Branch extends ForwardingXaConnection {

        Branch(XAConnection physical) {
            super(physical);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection logical = physical.getConnection();
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
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
    }
}
