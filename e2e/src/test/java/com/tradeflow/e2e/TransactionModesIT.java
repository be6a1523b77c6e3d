package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same purchase in AT, TCC and XA: each commits exactly the intended change, each rolls back to exactly the
 * state before, and each really runs its branches in the mode asked for (a purchase held before its global
 * commit shows undo logs for AT, prepared XA transactions for XA, tried fence rows and reservations for TCC, and
 * nothing of the other two).
 */
@Order(5)
@ExtendWith(TestStack.class)
class TransactionModesIT {

    private static final String HOLD = "order.place.before-commit";
    private static final String FAIL_AFTER_HOLD = "order.place.fail-before-commit";
    private static final String WALLET_FAULT = "wallet.debit.after-commit";
    private static final String INVENTORY_FAULT = "inventory.deduct.after-commit";
    /** A user per mode and test, on both account shards, each with 1000.00. */
    private static Map<String, Long> commitUsers;

    private static Map<String, Long> holdUsers;
    private static Map<String, Long> rollbackUsers;
    private static Map<String, Long> heldRollbackUsers;

    private static long sku;
    /** 100.00 a unit: 20 of them cost more than a user holds. */
    private static long dearSku;

    @BeforeAll
    static void createUsersAndProducts() {
        Databases db = TestStack.db();
        commitUsers = db.newUserPerMode(100_000);
        holdUsers = db.newUserPerMode(100_000);
        rollbackUsers = db.newUserPerMode(100_000);
        heldRollbackUsers = db.newUserPerMode(100_000);
        sku = db.newProduct(1_663, 1_000);
        dearSku = db.newProduct(10_000, 1_000);
    }

    @AfterEach
    void disarm() {
        Api api = TestStack.api();
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD, false);
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), FAIL_AFTER_HOLD, false);
        api.fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), WALLET_FAULT, false);
        api.fault(TestStack.stack().managementPort(ServiceName.INVENTORY), INVENTORY_FAULT, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT", "TCC", "XA"})
    void shouldCommitExactlyTheIntendedChange(String mode) {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = commitUsers.get(mode);
        long stock = api.available(sku);
        long balance = api.balance(user);
        long orders = db.orderCount();

        Api.Reply reply = api.placeOrder(user, sku, 2, mode);

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        assertThat(reply.body().path("status").asText()).isEqualTo("PLACED");
        assertThat(reply.body().path("mode").asText()).isEqualTo(mode);
        String xid = reply.body().path("lastTransaction").path("xid").asText();
        assertThat(xid).isNotBlank();
        assertThat(reply.body().path("lastTransaction").path("status").asText()).isEqualTo("Committed");
        long amount = reply.body().path("amount").asLong();
        assertThat(amount).isEqualTo(2 * api.price(sku));
        String orderId = reply.body().path("orderId").asText();

        assertThat(api.available(sku)).isEqualTo(stock - 2);
        assertThat(api.reserved(sku)).isZero();
        assertThat(api.balance(user)).isEqualTo(balance - amount);
        assertThat(api.frozen(user)).isZero();
        assertThat(db.orderCount()).isEqualTo(orders + 1);
        // written straight to the user's database (no ShardingSphere), read back below through ShardingSphere
        assertThat(db.tablesHolding(Long.parseLong(orderId)))
                .singleElement()
                .asString()
                .isEqualTo("tradeflow_order_" + (user % 2) + ".orders_" + (user / 2 % 2));
        assertThat(db.stockLedgerOrderIds()).containsOnlyOnce(Long.parseLong(orderId));
        assertThat(db.walletLedgerOrderIds()).containsOnlyOnce(Long.parseLong(orderId));
        Api.Reply read = api.order(user, orderId);
        assertThat(read.body().path("lastTransaction").path("xid").asText()).isEqualTo(xid);
        assertThat(read.body().path("lastTransaction").path("action").asText()).isEqualTo("PLACE");
        assertThat(read.body().path("lastTransaction").path("status").asText()).isEqualTo("Committed");
        // a placement that committed as it ran is recorded by its order row alone: no statements after the commit
        assertThat(read.body().path("lastTransaction").path("finishedAt").isNull())
                .isTrue();
        assertThat(db.transactionRecords(Long.parseLong(orderId))).isZero();
        db.awaitNoUndoLogs();
        assertThat(db.xaPrepared(xid)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT", "TCC", "XA"})
    void shouldRestoreEveryTableWhenTheLastBranchFindsTooLittleMoney(String mode) {
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();

        // 20 units cost 2000.00, the user holds 1000.00: stock is taken first, then the debit fails
        Api.Reply reply = TestStack.api().placeOrder(rollbackUsers.get(mode), dearSku, 20, mode);

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertRestored(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT", "TCC", "XA"})
    void shouldRestoreEveryTableWhenAProviderFailsAfterItsBranchRan(String mode) {
        Api api = TestStack.api();
        api.fault(TestStack.stack().managementPort(ServiceName.INVENTORY), INVENTORY_FAULT, true);
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();

        Api.Reply reply = api.placeOrder(rollbackUsers.get(mode), sku, 1, mode);

        assertThat(reply.status()).as("%s", reply.body()).isGreaterThanOrEqualTo(500);
        assertRestored(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT", "TCC", "XA"})
    void shouldRunEveryBranchInTheRequestedMode(String mode) throws Exception {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = holdUsers.get(mode);
        db.awaitNoUndoLogs();
        long balance = api.balance(user);
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD, true);

        CompletableFuture<Api.Reply> placing = CompletableFuture.supplyAsync(() -> api.placeOrder(user, sku, 1, mode));

        // held after all three branches ran, before the global commit
        String xid = await().atMost(Duration.ofSeconds(20))
                .until(() -> db.inFlightXids(mode), s -> !s.isEmpty())
                .iterator()
                .next();
        switch (mode) {
            case "AT" -> {
                assertThat(db.undoLogXids()).containsExactly(xid);
                assertThat(db.undoLogRows(xid)).as("one undo log per branch").isEqualTo(3);
                assertThat(db.xaPreparedXids()).isEmpty();
                assertThat(db.triedFenceXids()).isEmpty();
            }
            case "XA" -> {
                assertThat(db.xaPrepared(xid)).as("prepared XA branches").isEqualTo(3);
                assertThat(db.undoLogXids()).isEmpty();
                assertThat(db.triedFenceXids()).isEmpty();
                // prepared, not committed: nobody sees the debit yet
                assertThat(api.balance(user)).isEqualTo(balance);
            }
            default -> {
                assertThat(db.fence(xid).values())
                        .as("the order branch's tried fence row (Seata's, in the user's order database)")
                        .containsExactly(List.of(1));
                long orderId = db.orderIdOf(xid);
                assertThat(db.stockMovements(orderId))
                        .as("the stock branch's try")
                        .isEqualTo("RESERVE");
                assertThat(db.moneyMovements(orderId))
                        .as("the money branch's try")
                        .isEqualTo("FREEZE");
                assertThat(db.undoLogXids()).isEmpty();
                assertThat(db.xaPreparedXids()).isEmpty();
                assertThat(api.frozen(user)).isEqualTo(api.price(sku));
                assertThat(api.reserved(sku)).isGreaterThanOrEqualTo(1);
            }
        }

        api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD, false);
        Api.Reply reply = placing.get(30, TimeUnit.SECONDS);

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        assertThat(reply.body().path("lastTransaction").path("xid").asText()).isEqualTo(xid);
        assertThat(api.balance(user)).isEqualTo(balance - api.price(sku));
        assertThat(api.frozen(user)).isZero();
        assertThat(db.xaPrepared(xid)).isZero();
        if (mode.equals("TCC")) {
            long orderId = reply.body().path("orderId").asLong();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(db.fence(xid).values()).containsExactly(List.of(2));
                assertThat(db.stockMovements(orderId)).isEqualTo("DEDUCT");
                assertThat(db.moneyMovements(orderId)).isEqualTo("DEBIT");
            });
        }
        db.awaitNoUndoLogs();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT", "TCC", "XA"})
    void shouldRollBackAHeldPurchaseWhoseBranchesAllRan(String mode) throws Exception {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        db.awaitNoUndoLogs();
        Map<String, List<Map<String, Object>>> before = db.snapshot();
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD, true);
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), FAIL_AFTER_HOLD, true);

        CompletableFuture<Api.Reply> placing =
                CompletableFuture.supplyAsync(() -> api.placeOrder(heldRollbackUsers.get(mode), sku, 1, mode));
        String xid = await().atMost(Duration.ofSeconds(20))
                .until(() -> db.inFlightXids(mode), s -> !s.isEmpty())
                .iterator()
                .next();
        if (mode.equals("XA")) {
            assertThat(db.xaPrepared(xid)).as("prepared XA branches").isEqualTo(3);
        }
        long tccOrderId = mode.equals("TCC") ? db.orderIdOf(xid) : 0;
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD, false);
        Api.Reply reply = placing.get(30, TimeUnit.SECONDS);

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(500);
        assertRestored(before);
        assertThat(db.xaPrepared(xid)).isZero();
        if (mode.equals("TCC")) {
            assertThat(db.fence(xid).values()).containsExactly(List.of(3));
            assertThat(db.stockMovements(tccOrderId))
                    .as("cancelled reservation")
                    .isEqualTo("RESERVE (void)");
            assertThat(db.moneyMovements(tccOrderId)).as("cancelled freeze").isEqualTo("FREEZE (void)");
        }
    }

    /** The XID of the held purchase once all three of its branches are visible, else empty. */
    private static void assertRestored(Map<String, List<Map<String, Object>>> before) {
        Databases db = TestStack.db();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(db.snapshot()).isEqualTo(before);
            assertThat(db.undoLogRows()).isZero();
            assertThat(db.xaPreparedTotal()).isZero();
            assertThat(db.totalFrozen()).isZero();
            assertThat(db.totalReserved()).isZero();
        });
    }
}
