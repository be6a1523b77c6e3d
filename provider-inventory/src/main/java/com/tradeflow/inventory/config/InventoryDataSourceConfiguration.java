package com.tradeflow.inventory.config;

import com.tradeflow.platform.datasource.DatabaseProperties;
import com.tradeflow.platform.datasource.PhysicalDataSources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** One physical database, migrated by Flyway and proxied by Seata AT. */
@Configuration(proxyBeanMethods = false)
class InventoryDataSourceConfiguration {

    @Bean
    DataSource dataSource(DatabaseProperties databases) {
        return PhysicalDataSources.atProxy(databases.get("inventory"));
    }
}
