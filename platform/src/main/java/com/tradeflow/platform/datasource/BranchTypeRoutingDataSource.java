package com.tradeflow.platform.datasource;

import com.tradeflow.platform.transaction.BranchTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.apache.seata.core.model.BranchType;
import org.apache.shardingsphere.driver.jdbc.core.connection.ShardingSphereConnection;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one data source a service's repositories and {@code @Transactional} use, whatever the mode of the global
 * transaction they run in: each connection comes from the target of the branch type bound on the thread
 * ({@link BranchTypes}). AT: Seata's AT proxy (undo logs); XA: Seata's XA proxy (XA START ... PREPARE);
 * TCC and everything outside a global transaction: the plain pool, where a TCC action and Seata's TCC fence
 * share one local transaction. A global transaction that did not bind a branch type fails here instead of
 * committing locally unnoticed.
 * <p>
 * A sharded service can also be given the faces of each database for direct use: then a unit of work bound to a
 * sharding key ({@link ShardScope}) gets the connection of the key's database ({@code key mod databases}) without
 * ShardingSphere in between. Only for services whose every table is spread over the databases by that key alone
 * and keeps its name in each ({@link ShardedDataSources} checks the rules), so each statement means the same
 * either way; a table also split inside each database is named by its repository, which asks {@link #direct()}.
 */
public final class BranchTypeRoutingDataSource extends AbstractRoutingDataSource {

    /** Where a connection comes from. */
    enum Route {
        AT,
        XA,
        LOCAL
    }

    /** A face of one database, used directly. */
    record ShardRoute(Route route, int shard) {}

    /** The three faces of one database. */
    record Faces(DataSource at, DataSource xa, DataSource local) {
        static Faces of(PhysicalDataSources.Targets targets) {
            return new Faces(targets.at(), targets.xa(), targets.local());
        }
    }

    private final DataSource local;
    private final List<String> atResourceIds;
    private final List<DataSource> physicalPools;
    private final boolean sharded;
    private final int directShards;

    /**
     * @param atResourceIds Seata's resource id of each physical database's AT proxy, by shard index
     * @param physicalPools the plain pool of each physical database, by shard index
     * @param sharded       whether {@code at}, {@code xa} and {@code local} are ShardingSphere data sources
     * @param direct        the faces of each database, by shard index, for units of work bound to a sharding key;
     *                      empty: always through {@code at}, {@code xa} and {@code local}
     */
    BranchTypeRoutingDataSource(
            DataSource at,
            DataSource xa,
            DataSource local,
            List<String> atResourceIds,
            List<DataSource> physicalPools,
            boolean sharded,
            List<Faces> direct) {
        this.local = local;
        this.sharded = sharded;
        this.atResourceIds = List.copyOf(atResourceIds);
        this.physicalPools = List.copyOf(physicalPools);
        this.directShards = direct.size();
        Map<Object, Object> targets = new HashMap<>(Map.of(Route.AT, at, Route.XA, xa, Route.LOCAL, local));
        for (int shard = 0; shard < direct.size(); shard++) {
            Faces faces = direct.get(shard);
            targets.put(new ShardRoute(Route.AT, shard), faces.at());
            targets.put(new ShardRoute(Route.XA, shard), faces.xa());
            targets.put(new ShardRoute(Route.LOCAL, shard), faces.local());
        }
        setTargetDataSources(targets);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    /**
     * The database a unit of work bound to this sharding key ({@link ShardScope}) goes to straight away; 0 when
     * none goes straight (one database, or every statement through ShardingSphere). Keys with the same answer can
     * share one unit of work.
     */
    public int databaseOf(long key) {
        return directShards == 0 ? 0 : (int) Math.floorMod(key, (long) directShards);
    }

    @Override
    protected Object determineCurrentLookupKey() {
        Route route =
                BranchTypes.current().map(BranchTypeRoutingDataSource::route).orElse(Route.LOCAL);
        OptionalLong key = directShards == 0 ? OptionalLong.empty() : ShardScope.current();
        return key.isPresent() ? new ShardRoute(route, databaseOf(key.getAsLong())) : route;
    }

    /**
     * Whether a statement run now reaches a database without ShardingSphere, and so must name tables as they are
     * called there: the connection of the current transaction decides, or, outside one, the one a statement would
     * get.
     */
    public boolean direct() {
        if (!sharded) {
            return true;
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof ConnectionHolder held
                && held.getConnectionHandle() != null) {
            return !(held.getConnection() instanceof ShardingSphereConnection);
        }
        return directShards > 0 && ShardScope.current().isPresent();
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
