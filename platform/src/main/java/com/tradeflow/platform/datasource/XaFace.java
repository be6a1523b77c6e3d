package com.tradeflow.platform.datasource;

import com.tradeflow.platform.transaction.BranchTypes;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.seata.core.model.BranchType;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The XA face of a physical database: Seata's XA proxy inside an XA global transaction, the plain pool otherwise.
 * Seata's XA connection registers a branch as soon as auto-commit is switched off, which ShardingSphere does
 * outside any global transaction too (loading table metadata at start-up).
 */
final class XaFace extends DelegatingDataSource {

    private final DataSource xaProxy;

    XaFace(DataSource xaProxy, DataSource pool) {
        super(pool);
        this.xaProxy = xaProxy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inXaTransaction() ? xaProxy.getConnection() : super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return inXaTransaction() ? xaProxy.getConnection(username, password) : super.getConnection(username, password);
    }

    private static boolean inXaTransaction() {
        return BranchTypes.current().filter(BranchType.XA::equals).isPresent();
    }
}
