package com.tradeflow.platform.datasource;

import java.util.List;

/**
 * The data source of a service with one database: a {@link BranchTypeRoutingDataSource} over its AT, XA and
 * plain faces (see {@link PhysicalDataSources}). Services that shard use {@link ShardedDataSources}.
 */
public final class ServiceDataSources {

    private ServiceDataSources() {}

    /** A service with one database. */
    public static BranchTypeRoutingDataSource single(PhysicalDatabase db) {
        PhysicalDataSources.Targets targets = PhysicalDataSources.open(db);
        return new BranchTypeRoutingDataSource(
                targets.at(),
                targets.xa(),
                targets.local(),
                List.of(targets.at().getResourceId()),
                List.of(targets.local()),
                false,
                List.of());
    }
}
