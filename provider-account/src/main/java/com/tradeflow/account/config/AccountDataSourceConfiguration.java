package com.tradeflow.account.config;

import com.tradeflow.account.transfer.TransferProperties;
import com.tradeflow.account.transfer.Transfers;
import com.tradeflow.account.transfer.xa.LocalXa;
import com.tradeflow.account.transfer.xa.LocalXaDataSource;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.datasource.DatabaseProperties;
import com.tradeflow.platform.datasource.PhysicalDatabase;
import com.tradeflow.platform.datasource.ShardedDataSources;
import com.tradeflow.platform.fault.FaultSwitches;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wallets and their ledgers sharded by user id over two databases: shard {@code user_id % 2}. Two data sources
 * over the same two databases:
 * <ul>
 * <li>the service's data source ({@code @Primary}): ShardingSphere routes above the physical databases, reached
 * through Seata's AT or XA proxy or directly (TCC, and everything outside a global transaction), per global
 * transaction; Seata's coordinator decides those.</li>
 * <li>the transfer data source: ShardingSphere's XA transaction type over Atomikos XA pools of the same databases,
 * for transfers whose two wallets live on different shards. Atomikos decides those, with its own log; no Seata
 * branch is involved, so the two never share a connection or an XA id.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransferProperties.class)
class AccountDataSourceConfiguration {

    private static final String BY_USER = "account_by_user";
    private static final List<String> TABLES = List.of(
            "wallets", "wallet_ledger", "wallet_points", "processed_events", "wallet_top_ups", "wallet_transfers");
    /** What a transfer writes. */
    private static final List<String> TRANSFER_TABLES = List.of("wallets", "wallet_transfers");

    @Bean
    @Primary
    BranchTypeRoutingDataSource dataSource(DatabaseProperties databases) {
        Map<String, PhysicalDatabase> shards = shards(databases);
        return ShardedDataSources.create("account", shards, byUser(shards.keySet(), TABLES), List.of(), Set.of());
    }

    @Bean(destroyMethod = "close")
    LocalXa localXa(TransferProperties transfers) {
        return LocalXa.start(transfers.xa().settings());
    }

    /** Built after the service's data source, which migrates the schemas. */
    @Bean(destroyMethod = "close")
    LocalXaDataSource transferXaDataSource(
            DatabaseProperties databases,
            BranchTypeRoutingDataSource migrated,
            LocalXa xa,
            TransferProperties transfers,
            FaultSwitches faults) {
        Map<String, PhysicalDatabase> shards = shards(databases);
        return LocalXaDataSource.open(
                "account-transfers",
                shards,
                byUser(shards.keySet(), TRANSFER_TABLES),
                xa,
                () -> faults.holdWhileArmed(Transfers.FAULT_BEFORE_XA_COMMIT, transfers.faultHoldLimit()));
    }

    private static Map<String, PhysicalDatabase> shards(DatabaseProperties databases) {
        Map<String, PhysicalDatabase> shards = new LinkedHashMap<>();
        for (int i = 0; i < AccountShards.COUNT; i++) {
            shards.put("ds_" + i, databases.get("account-" + i));
        }
        return shards;
    }

    private static ShardingRuleConfiguration byUser(Collection<String> shards, List<String> tables) {
        ShardingRuleConfiguration rules = new ShardingRuleConfiguration();
        ShardedDataSources.spreadByUser(rules, BY_USER, shards, tables);
        return rules;
    }
}
