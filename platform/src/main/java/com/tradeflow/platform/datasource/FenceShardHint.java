package com.tradeflow.platform.datasource;

import org.apache.seata.integration.tx.api.fence.hook.TccHook;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.shardingsphere.infra.hint.HintManager;

/**
 * Points Seata's TCC fence at the shard of the action's rows, in every phase: try, and the confirm or cancel the
 * coordinator sends later (Seata runs these hooks around the fence with the action context restored from the
 * coordinator's copy). The shard key is the action context's {@value #SHARD_KEY}: the TCC actions of a sharded
 * service carry it as a {@code @BusinessActionContextParameter}.
 */
public final class FenceShardHint implements TccHook {

    /** The action-context entry the shard is derived from (database = key mod shards). */
    public static final String SHARD_KEY = "userId";

    @Override
    public void beforeTccPrepare(String xid, Long branchId, String actionName, BusinessActionContext context) {
        hint(context);
    }

    @Override
    public void afterTccPrepare(String xid, Long branchId, String actionName, BusinessActionContext context) {
        clear(context);
    }

    @Override
    public void beforeTccCommit(String xid, Long branchId, String actionName, BusinessActionContext context) {
        hint(context);
    }

    @Override
    public void afterTccCommit(String xid, Long branchId, String actionName, BusinessActionContext context) {
        clear(context);
    }

    @Override
    public void beforeTccRollback(String xid, Long branchId, String actionName, BusinessActionContext context) {
        hint(context);
    }

    @Override
    public void afterTccRollback(String xid, Long branchId, String actionName, BusinessActionContext context) {
        clear(context);
    }

    /** Seata calls the matching after-hook in a finally block, once the before-hook ran. */
    private static void hint(BusinessActionContext context) {
        HintManager.clear();
        Long key = key(context);
        if (key != null) {
            HintManager hint = HintManager.getInstance();
            hint.addDatabaseShardingValue(ShardedDataSources.FENCE_TABLE, key);
            ShardScope.enter(key);
        }
    }

    private static void clear(BusinessActionContext context) {
        HintManager.clear();
        if (key(context) != null) {
            ShardScope.exit();
        }
    }

    private static Long key(BusinessActionContext context) {
        Object key = context == null ? null : context.getActionContext(SHARD_KEY);
        return key == null ? null : Long.parseLong(key.toString());
    }
}
