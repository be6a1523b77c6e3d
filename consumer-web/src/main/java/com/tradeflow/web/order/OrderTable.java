package com.tradeflow.web.order;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.datasource.ModuloShardingAlgorithm;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The name of an order's table in a statement. Orders live in database {@code user_id % }{@value #DATABASES} and,
 * in it, in one of {@value #PER_DATABASE} tables by the user id's next digit ({@code user_id / }{@value #DATABASES}
 * {@code % }{@value #PER_DATABASE}): all of a user's orders share a table, so a unique index there keeps each
 * Idempotency-Key once per user on the order row itself. Through ShardingSphere a statement says {@value #LOGICAL}
 * and is routed; straight on the user's database (a purchase bound to its user) it names the table itself. A
 * statement with the wrong name fails (no such table): it cannot write to the wrong place.
 */
@Component
public class OrderTable {

    /** The table's name for ShardingSphere. */
    public static final String LOGICAL = "orders";
    /** Order databases, chosen by {@code user_id % DATABASES}. */
    public static final int DATABASES = 2;
    /** Tables per user database. */
    public static final int PER_DATABASE = 2;

    private final BranchTypeRoutingDataSource dataSource;

    OrderTable(BranchTypeRoutingDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The physical table of a user's orders: {@code orders_<n>}. */
    public static String physical(long userId) {
        return named(ModuloShardingAlgorithm.indexWithin(userId, DATABASES, PER_DATABASE));
    }

    /** The physical tables in each user database, in order. */
    public static List<String> physicalTables() {
        return IntStream.range(0, PER_DATABASE).mapToObj(OrderTable::named).toList();
    }

    private static String named(int index) {
        return LOGICAL + "_" + index;
    }

    /** The name to use for the user's orders now. */
    String ofUser(long userId) {
        return dataSource.direct() ? physical(userId) : LOGICAL;
    }
}
