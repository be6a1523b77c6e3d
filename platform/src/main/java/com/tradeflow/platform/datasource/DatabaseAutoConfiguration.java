package com.tradeflow.platform.datasource;

import com.tradeflow.platform.transaction.AtLockGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.TransactionManager;

/**
 * Binds {@code tradeflow.databases.*} for the services' own data-source configurations, gives their local
 * transactions connections with auto-commit off already ({@link ManualCommitTransactionManager}), and guards their
 * TCC and XA writes against AT global locks ({@link AtLockGuard}).
 */
@AutoConfiguration(before = DataSourceTransactionManagerAutoConfiguration.class)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseAutoConfiguration {

    @Bean
    @ConditionalOnBean(BranchTypeRoutingDataSource.class)
    @ConditionalOnMissingBean(TransactionManager.class)
    ManualCommitTransactionManager transactionManager(BranchTypeRoutingDataSource dataSource) {
        return new ManualCommitTransactionManager(dataSource);
    }

    @Bean
    @ConditionalOnBean(BranchTypeRoutingDataSource.class)
    AtLockGuard atLockGuard(BranchTypeRoutingDataSource dataSource) {
        return new AtLockGuard(dataSource.atResourceIds());
    }

    /** Asked for the registry only once every bean exists: Boot's metrics are configured after this class. */
    @Bean
    PoolMetrics poolMetrics(ObjectProvider<MeterRegistry> registry) {
        return new PoolMetrics(registry);
    }
}
