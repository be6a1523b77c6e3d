package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.infra.CoordinatorCluster;
import com.tradeflow.seata.config.SeataServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Seata TC runs as two nodes sharing the db store, found through Nacos. One node killed (SIGKILL) under load
 * while it holds global transactions: until Nacos drops it (about 20 s without its heartbeats) the services still
 * pick it for some transactions, which are refused (503, nothing written); the rows of transactions it held stay
 * locked until the survivor times them out (409 for purchases of those skus); fast refusals make the clients fast
 * enough to meet the rate limit (429). Once it is dropped every purchase goes
 * through the other node; the survivor finishes what the dead node held (nothing stays in the store, no global lock,
 * no undo log, no prepared XA branch), and the books agree with the answers.
 */
@Order(89)
@ExtendWith(TestStack.class)
class CoordinatorFailoverIT {

    private static final String[] MODES = {"AT", "TCC", "XA"};
    private static final int CLIENTS = 6;
    private static final int PRICE = 250;
    private static final long STOCK = 100_000;
    private static final long BALANCE = 10_000_000;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(2);
    private static final Duration LOAD_AFTER_KILL = Duration.ofSeconds(6);

    @Test
    void shouldGoOnThroughTheOtherNodeAndFinishWhatTheKilledNodeHeld() throws Exception {
        CoordinatorCluster coordinators = TestStack.stack().coordinators();
        assertThat(coordinators.size()).as("the test stack's TC is a cluster").isEqualTo(2);
        Databases db = TestStack.db();
        Api api = TestStack.api();
        List<Long> users = db.newUsers(CLIENTS, BALANCE);
        // a sku per client: a row the dead node's transaction holds locks one client out, not all of them
        List<Long> skus = db.newProducts(CLIENTS, PRICE, STOCK);
        SeataServerOptions victim = coordinators.node(1);
        SeataServerOptions survivor = coordinators.node(2);

        PurchaseLoad load = PurchaseLoad.start(api, users, skus);
        Map<Integer, Integer> statuses;
        long killedAt;
        try {
            Thread.sleep(LOAD_BEFORE_KILL.toMillis());
            // kill while the node holds at least one global transaction (its xids carry its port)
            String heldByVictim = "SELECT COUNT(*) FROM global_table WHERE xid LIKE '%:" + victim.rpcPort() + ":%'";
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> db.number(CoordinatorCluster.DATABASE, heldByVictim) > 0);
            coordinators.kill(1);
            killedAt = System.nanoTime();
            Thread.sleep(LOAD_AFTER_KILL.toMillis());
        } finally {
            statuses = load.stop();
        }

        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Registry.ports("seata-server", SeataServerOptions.NACOS_GROUP, true)
                            .equals(Set.of(survivor.rpcPort())));
            System.out.printf(
                    "answers with one TC node killed: %s; Nacos dropped it %.1f s after the kill%n",
                    statuses, (System.nanoTime() - killedAt) / 1e9);
            assertThat(statuses.keySet())
                    .as(
                            "placed, not yet known, refused for a locked row, the rate limit or the lost node: %s",
                            statuses)
                    .isSubsetOf(201, 202, 409, 429, 503);
            assertThat(statuses.getOrDefault(201, 0)).isPositive();

            // new purchases go on, every one through the survivor (its clients may take a push to forget the node)
            long buyer = db.newUser(BALANCE);
            long product = db.newProduct(PRICE, STOCK);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> api.placeOrder(buyer, product, 1, "AT").status() == 201);
            for (int i = 0; i < 3 * MODES.length; i++) {
                Api.Reply reply = api.placeOrder(buyer, product, 1, MODES[i % MODES.length]);
                assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
                assertThat(reply.body().path("lastTransaction").path("xid").asText())
                        .as("begun at the survivor")
                        .contains(":" + survivor.rpcPort() + ":");
            }

            // the survivor finished every global transaction, the dead node's too: those it never decided time out,
            // those it left in phase two are taken over 20 s after they began, and an XA branch it had committed
            // (XAER_NOTA to the survivor) is given until a minute after (the test stack's TC settings)
            try {
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            assertThat(db.number(CoordinatorCluster.DATABASE, "SELECT COUNT(*) FROM global_table"))
                                    .isZero();
                            assertThat(db.number(CoordinatorCluster.DATABASE, "SELECT COUNT(*) FROM lock_table"))
                                    .isZero();
                            assertThat(db.undoLogRows()).isZero();
                            assertThat(db.xaPreparedTotal()).isZero();
                            assertThat(orders(db, skus, "PENDING") + orders(db, skus, "UNKNOWN"))
                                    .isZero();
                        });
            } catch (ConditionTimeoutException e) {
                System.out.printf(
                        "global transactions left, by status: %s%n",
                        db.rows(
                                CoordinatorCluster.DATABASE,
                                "SELECT status, COUNT(*) AS sessions, MIN(xid) AS first FROM global_table GROUP BY status"));
                throw e;
            }
            long kept = orders(db, skus, "PLACED");
            long sold = 0;
            for (long sku : skus) {
                sold += STOCK - db.number("tradeflow_inventory", "SELECT available FROM stock WHERE sku_id = " + sku);
            }
            long paid = 0;
            for (long user : users) {
                paid += BALANCE - api.balance(user);
            }
            assertThat(sold).as("units taken = units of placed orders").isEqualTo(kept);
            assertThat(paid).as("money taken = price of placed orders").isEqualTo(kept * PRICE);
            long answered201 = statuses.getOrDefault(201, 0);
            assertThat(kept)
                    .as("every 201 is a placed order; a 202 may have ended either way")
                    .isBetween(answered201, answered201 + statuses.getOrDefault(202, 0));
        } finally {
            coordinators.restart(1);
        }
    }

    /** Orders of these skus in a status, over every order table. */
    private static long orders(Databases db, List<Long> skus, String status) {
        String ofSkus = skus.stream().map(String::valueOf).collect(Collectors.joining(","));
        long orders = 0;
        for (String database : List.of("tradeflow_order_0", "tradeflow_order_1")) {
            for (String table : List.of("orders_0", "orders_1")) {
                orders += db.number(
                        database,
                        "SELECT COUNT(*) FROM " + table + " WHERE sku_id IN (" + ofSkus + ") AND status = '" + status
                                + "'");
            }
        }
        return orders;
    }
}
