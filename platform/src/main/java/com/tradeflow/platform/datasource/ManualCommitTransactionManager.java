package com.tradeflow.platform.datasource;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Spring's JDBC transaction manager, beginning each transaction on a connection that has auto-commit off already
 * ({@link CommitModePools}): Spring switches auto-commit off at the start and on again at the end only when it
 * finds it on, so each local transaction saves those two round trips. Data sources that are not made of
 * {@link CommitModePools} (ShardingSphere's, which fetches its physical connections later) behave as under Spring's
 * own manager.
 */
public class ManualCommitTransactionManager extends JdbcTransactionManager {

    public ManualCommitTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        CommitModePools.beginning(() -> super.doBegin(transaction, definition));
    }
}
