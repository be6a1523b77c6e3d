package com.tradeflow.platform.datasource;

import com.tradeflow.platform.transaction.AtLockGuard;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Binds {@code tradeflow.databases.*} for the services' own data-source configurations, and guards their TCC and
 * XA writes against AT global locks ({@link AtLockGuard}).
 */
@AutoConfiguration
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseAutoConfiguration {

    @Bean
    @ConditionalOnBean(BranchTypeRoutingDataSource.class)
    AtLockGuard atLockGuard(BranchTypeRoutingDataSource dataSource) {
        return new AtLockGuard(dataSource.atResourceIds());
    }
}
