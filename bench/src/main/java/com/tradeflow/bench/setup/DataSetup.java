package com.tradeflow.bench.setup;

import com.tradeflow.bench.scenario.BenchData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Makes sure the products and wallets a run needs exist, with more stock and money than the run can use, straight
 * in the stack's databases (the schemas of provider-inventory's and provider-account's migrations): a supported
 * way in, unlike a test-only endpoint. Batched {@code INSERT ... ON DUPLICATE KEY UPDATE}: missing rows are added,
 * existing stock and balances are only raised, never lowered, and an existing product keeps its price (the
 * services cache prices). A row already at or above the floor is left untouched, so repeated runs write nothing.
 */
public final class DataSetup {

    /** Units of stock each sku has at least: no run of any length sells them out. */
    public static final long AMPLE_STOCK = 1_000_000_000L;
    /** Cents each wallet has at least: ten million at the highest price, far more than any run spends. */
    public static final long AMPLE_BALANCE_CENTS = 100_000_000_000L;
    /** Prices of added products, in cents: between 1.00 and 100.00, spread by sku. */
    static final long LOWEST_PRICE_CENTS = 100;

    static final long HIGHEST_PRICE_CENTS = 10_000;
    /** Rows per statement. */
    private static final int BATCH_ROWS = 500;

    private static final int SHARDS = 2;
    /** Tries of a statement that keeps losing deadlocks before the setup gives up. */
    private static final int DEADLOCK_ATTEMPTS = 5;
    /** A multiplier that spreads neighbouring skus over the price range (a prime: every price is reached). */
    private static final long PRICE_SPREAD = 7919;
    /**
     * Units or money added to an existing row outside the ledgers are added to its opening figure too, or the
     * stack's reconciliation would report them (its books: available = opening + ledger). Assigned before the
     * figure itself, so that it reads the figure before the raise.
     */
    private static final String RAISED_OPENING_UNITS =
            "opening_units = opening_units + GREATEST(0, VALUES(available) - available)";

    private static final String RAISED_OPENING_BALANCE =
            "opening_balance = opening_balance + GREATEST(0, VALUES(balance) - balance)";

    private final String jdbcUrl;

    public DataSetup(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public void ensure(BenchData data) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            ensureProducts(connection, data);
            for (int shard = 0; shard < SHARDS; shard++) {
                ensureWallets(connection, data, shard);
            }
        }
    }

    /** The price of a product the setup adds: between 1.00 and 100.00, the same for the same sku every time. */
    static long priceOf(long skuId) {
        return LOWEST_PRICE_CENTS + Math.floorMod(skuId * PRICE_SPREAD, HIGHEST_PRICE_CENTS - LOWEST_PRICE_CENTS + 1);
    }

    private static void ensureProducts(Connection connection, BenchData data) throws SQLException {
        List<Long> skus = new ArrayList<>();
        for (long sku = data.firstSku(); sku <= data.lastSku(); sku++) {
            skus.add(sku);
        }
        for (List<Long> batch : batches(skus)) {
            try (PreparedStatement products =
                    connection.prepareStatement("INSERT INTO tradeflow_inventory.products (sku_id, name, price) VALUES "
                            + placeholders("(?, ?, ?)", batch.size()) + " ON DUPLICATE KEY UPDATE sku_id = sku_id")) {
                int parameter = 1;
                for (long sku : batch) {
                    products.setLong(parameter++, sku);
                    products.setString(parameter++, "Bench product " + sku);
                    products.setLong(parameter++, priceOf(sku));
                }
                executeRetryingDeadlocks(products);
            }
            try (PreparedStatement stock =
                    connection.prepareStatement("INSERT INTO tradeflow_inventory.stock (sku_id, available) VALUES "
                            + placeholders("(?, ?)", batch.size()) + " ON DUPLICATE KEY UPDATE " + RAISED_OPENING_UNITS
                            + ", available = GREATEST(available, VALUES(available))")) {
                int parameter = 1;
                for (long sku : batch) {
                    stock.setLong(parameter++, sku);
                    stock.setLong(parameter++, AMPLE_STOCK);
                }
                executeRetryingDeadlocks(stock);
            }
        }
    }

    private static void ensureWallets(Connection connection, BenchData data, int shard) throws SQLException {
        List<Long> users = new ArrayList<>();
        for (long user = data.firstUser(); user <= data.lastUser(); user++) {
            if (BenchData.shard(user) == shard) {
                users.add(user);
            }
        }
        for (List<Long> batch : batches(users)) {
            try (PreparedStatement wallets = connection.prepareStatement("INSERT INTO tradeflow_account_" + shard
                    + ".wallets (user_id, balance) VALUES " + placeholders("(?, ?)", batch.size())
                    + " ON DUPLICATE KEY UPDATE " + RAISED_OPENING_BALANCE
                    + ", balance = GREATEST(balance, VALUES(balance))")) {
                int parameter = 1;
                for (long user : batch) {
                    wallets.setLong(parameter++, user);
                    wallets.setLong(parameter++, AMPLE_BALANCE_CENTS);
                }
                executeRetryingDeadlocks(wallets);
            }
        }
    }

    /**
     * Runs the statement again when it lost a deadlock: the stack's event consumers lock products and wallets too
     * (a sold counter checks its product; events left from an earlier run are applied at start), and MariaDB rolls
     * one side back.
     */
    private static void executeRetryingDeadlocks(PreparedStatement statement) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                statement.executeUpdate();
                return;
            } catch (SQLTransactionRollbackException deadlock) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    private static List<List<Long>> batches(List<Long> ids) {
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH_ROWS) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH_ROWS)));
        }
        return batches;
    }

    static String placeholders(String row, int rows) {
        return String.join(", ", Collections.nCopies(rows, row));
    }
}
