package com.tradeflow.inventory.config;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.datasource.DatabaseProperties;
import com.tradeflow.platform.datasource.ServiceDataSources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One physical database, migrated by Flyway, reached through Seata's AT or XA proxy or directly (TCC). */
@Configuration(proxyBeanMethods = false)
class InventoryDataSourceConfiguration {

    @Bean
    BranchTypeRoutingDataSource dataSource(DatabaseProperties databases) {
        return ServiceDataSources.single(databases.get("inventory"));
    }
}
