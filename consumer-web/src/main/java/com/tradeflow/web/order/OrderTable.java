package com.tradeflow.web.order;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.datasource.ModuloShardingAlgorithm;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The name of an order's table in a statement. Orders are split in each user database into
 * {@value #PER_DATABASE} tables by a hash of the order id: through ShardingSphere a statement says
 * {@value #LOGICAL} and is routed; straight on the user's database (a purchase bound to its user) it names the
 * table itself. A statement with the wrong name fails (no such table): it cannot write to the wrong place.
 */
@Component
public class OrderTable {

    /** The table's name for ShardingSphere. */
    public static final String LOGICAL = "orders";
    /** Tables per user database. */
    public static final int PER_DATABASE = 2;

    private final BranchTypeRoutingDataSource dataSource;

    OrderTable(BranchTypeRoutingDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The physical table of an order: {@code orders_<n>}. */
    public static String physical(long orderId) {
        return physical(ModuloShardingAlgorithm.index(orderId, true, PER_DATABASE));
    }

    /** The physical tables in each user database, in order. */
    public static List<String> physicalTables() {
        return IntStream.range(0, PER_DATABASE).mapToObj(OrderTable::physical).toList();
    }

    private static String physical(int index) {
        return LOGICAL + "_" + index;
    }

    /** The name to use for the order now. */
    String of(long orderId) {
        return dataSource.direct() ? physical(orderId) : LOGICAL;
    }
}
