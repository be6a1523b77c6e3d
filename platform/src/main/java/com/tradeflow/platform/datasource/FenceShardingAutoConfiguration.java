package com.tradeflow.platform.datasource;

import org.apache.seata.integration.tx.api.fence.hook.TccHookManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** In services that shard, routes Seata's TCC fence to the shard of each TCC branch ({@link FenceShardHint}). */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.shardingsphere.infra.hint.HintManager")
public class FenceShardingAutoConfiguration {

    @Bean
    FenceShardHint fenceShardHint() {
        FenceShardHint hint = new FenceShardHint();
        TccHookManager.registerHook(hint);
        return hint;
    }
}
