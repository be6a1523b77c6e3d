package com.tradeflow.platform.datasource;

import com.tradeflow.platform.transaction.BranchTypes;
import org.apache.seata.core.model.BranchType;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The one data source a service's repositories and {@code @Transactional} use, whatever the mode of the global
 * transaction they run in: each connection comes from the target of the branch type bound on the thread
 * ({@link BranchTypes}). AT: Seata's AT proxy (undo logs); XA: Seata's XA proxy (XA START ... PREPARE);
 * TCC and everything outside a global transaction: the plain pool, where a TCC action and Seata's TCC fence
 * share one local transaction. A global transaction that did not bind a branch type fails here instead of
 * committing locally unnoticed.
 */
public final class BranchTypeRoutingDataSource extends AbstractRoutingDataSource {

    /** Where a connection comes from. */
    enum Route {
        AT, XA, LOCAL
    }

    private final DataSource local;
    private final List<String> atResourceIds;
    private final List<DataSource> physicalPools;

    /**
     * @param atResourceIds Seata's resource id of each physical database's AT proxy, by shard index
     * @param physicalPools the plain pool of each physical database, by shard index
     */
    BranchTypeRoutingDataSource(DataSource at, DataSource xa, DataSource local, List<String> atResourceIds,
            List<DataSource> physicalPools) {
        this.local = local;
        this.atResourceIds = List.copyOf(atResourceIds);
        this.physicalPools = List.copyOf(physicalPools);
        setTargetDataSources(Map.of(Route.AT, at, Route.XA, xa, Route.LOCAL, local));
        setLenientFallback(false);
        afterPropertiesSet();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return BranchTypes.current().map(BranchTypeRoutingDataSource::route).orElse(Route.LOCAL);
    }

    static Route route(BranchType type) {
        return switch (type) {
            case AT -> Route.AT;
            case XA -> Route.XA;
            case TCC -> Route.LOCAL;
            default -> throw new IllegalStateException("branch type " + type + " is not supported here");
        };
    }

    /** The plain pool (or sharded pools): for migrations, health checks and the like. */
    public DataSource local() {
        return local;
    }

    /** Seata's resource id of each physical database's AT proxy, by shard index. */
    public List<String> atResourceIds() {
        return atResourceIds;
    }

    /**
     * The plain pool of each physical database, by shard index, below any sharding: for jobs that work shard by
     * shard (the outbox relay).
     */
    public List<DataSource> physicalPools() {
        return physicalPools;
    }
}
