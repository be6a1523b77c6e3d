package com.tradeflow.account.transfer.xa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;
import org.apache.shardingsphere.infra.database.core.type.DatabaseType;
import org.apache.shardingsphere.transaction.api.TransactionType;
import org.apache.shardingsphere.transaction.spi.ShardingSphereDistributedTransactionManager;

/**
 * ShardingSphere's XA transaction type, carried out by the JVM's {@link LocalXa} manager (Atomikos). ShardingSphere
 * publishes its own XA manager (and its Atomikos and Narayana providers) to Maven Central up to 5.3 only; this is
 * the same role for 5.5, through the same extension point: a ShardingSphere connection of an XA data source begins
 * a JTA transaction when auto-commit is switched off, takes each database's connection from here (the Atomikos
 * data source enlists it as a branch), and commits with two-phase commit when more than one database took part.
 */
public final class LocalXaTransactionManager implements ShardingSphereDistributedTransactionManager {

    /** The provider type an XA data source's transaction rule names. */
    public static final String PROVIDER = "Atomikos";

    private Map<String, DataSource> dataSources = Map.of();

    @Override
    public void init(
            Map<String, DatabaseType> databaseTypes, Map<String, DataSource> dataSources, String providerType) {
        if (!PROVIDER.equalsIgnoreCase(providerType)) {
            throw new IllegalStateException("XA provider " + providerType + " is not available; use " + PROVIDER);
        }
        this.dataSources = Map.copyOf(dataSources);
    }

    @Override
    public TransactionType getTransactionType() {
        return TransactionType.XA;
    }

    @Override
    public boolean isInTransaction() {
        try {
            return transactionManager().getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException("cannot read the XA transaction status: " + e.getMessage(), e);
        }
    }

    /** The database's connection, enlisted in the thread's JTA transaction by the Atomikos data source. */
    @Override
    public Connection getConnection(String databaseName, String dataSourceName) throws SQLException {
        DataSource dataSource = dataSources.get(databaseName + "." + dataSourceName);
        if (dataSource == null) {
            throw new SQLException("no XA data source " + databaseName + "." + dataSourceName);
        }
        return dataSource.getConnection();
    }

    @Override
    public void begin() {
        try {
            transactionManager().begin();
        } catch (Exception e) {
            throw new LocalXaException("cannot begin an XA transaction", e);
        }
    }

    /** With the timeout Spring or the caller asked for, else {@link LocalXaSettings#transactionTimeout()}. */
    @Override
    public void begin(int timeoutSeconds) {
        try {
            TransactionManager manager = transactionManager();
            manager.setTransactionTimeout(timeoutSeconds);
            manager.begin();
            manager.setTransactionTimeout(
                    (int) LocalXa.current().settings().transactionTimeout().toSeconds());
        } catch (Exception e) {
            throw new LocalXaException("cannot begin an XA transaction", e);
        }
    }

    /**
     * Two-phase commit (one phase when a single database took part). A failure in phase two is not the caller's
     * to undo: the decision is in the log and recovery finishes it.
     */
    @Override
    public void commit(boolean rollbackOnly) {
        if (rollbackOnly) {
            rollback();
            return;
        }
        try {
            transactionManager().commit();
        } catch (Exception e) {
            throw new LocalXaException("the XA transaction did not commit", e);
        }
    }

    @Override
    public void rollback() {
        try {
            if (isInTransaction()) {
                transactionManager().rollback();
            }
        } catch (Exception e) {
            throw new LocalXaException("the XA transaction did not roll back", e);
        }
    }

    @Override
    public boolean containsProviderType(String providerType) {
        return PROVIDER.equalsIgnoreCase(providerType);
    }

    /** The manager belongs to {@link LocalXa}, which outlives the data sources using it. */
    @Override
    public void close() {}

    @Override
    public Object getType() {
        return TransactionType.XA.name();
    }

    private static TransactionManager transactionManager() {
        return LocalXa.current().transactionManager();
    }
}
