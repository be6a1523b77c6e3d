package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Seata TC killed (SIGKILL): purchases answer 503 and write nothing, and so do wallet transfers (they ask the TC
 * whether an AT purchase holds a wallet); once it is back, both work again. Killed between a purchase's branches
 * and its commit: the purchase is answered UNKNOWN, not PLACED, until the TC, back, has decided.
 */
@Order(90)
@ExtendWith(TestStack.class)
class CoordinatorDownIT {

    private static final String HOLD_BEFORE_COMMIT = "order.place.before-commit";

    private final WalletTransfers transfers = new WalletTransfers(TestStack.api(), TestStack.db());

    @Test
    void shouldAnswer503AndWriteNothingWhileTheCoordinatorIsDown() {
        // consecutive ids: payer and payee in different wallet shards
        List<Long> users = TestStack.db().newUsers(2, 100_000);
        long payer = users.get(0);
        long crossShardPayee = users.get(1);
        long sku = TestStack.db().newProduct(1_663, 1_000);
        // a quiet start: phase two of earlier purchases has deleted their undo logs
        TestStack.db().awaitNoUndoLogs();
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();
        TestStack.stack().killCoordinator();
        try {
            long started = System.nanoTime();
            Api.Reply reply = TestStack.api().placeOrder(payer, sku, 1);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("purchase with the TC down answered %d in %d ms%n", reply.status(), millis);
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");

            Api.Reply transfer = transfers.transfer(payer, crossShardPayee, 100, "tc-down-1");
            assertThat(transfer.status()).as("%s", transfer.body()).isEqualTo(503);
            assertThat(transfer.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
            assertThat(TestStack.db().snapshot()).isEqualTo(before);
        } finally {
            TestStack.stack().restartCoordinator();
        }
        // a refused attempt writes nothing and answers fast: try often, the services reconnect at their own pace
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(
                                TestStack.api().placeOrder(payer, sku, 1).status())
                        .isEqualTo(201));
        // the same key again: nothing was recorded under it while the TC was down
        assertThat(transfers.transfer(payer, crossShardPayee, 100, "tc-down-1").status())
                .isEqualTo(201);
        assertThat(transfers.localXaPrepared()).isZero();
    }

    /**
     * AT: every branch has committed locally (undo logs written) when the TC dies, so the commit cannot reach it.
     * The purchase answers 202 UNKNOWN, and so do a repeat with the same key and a read of the order, for as long as
     * the TC cannot tell. Back, it times the transaction out and rolls it back: stock and money return, the order is
     * gone, and the key places a new order.
     */
    @Test
    void shouldAnswerUnknownForACommitTheCoordinatorNeverConfirmedUntilItRolledBack() throws Exception {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = db.newUser(100_000);
        long sku = db.newProduct(6_873, 1_000);
        long balance = api.balance(user);
        long stock = stock(db, sku);
        String key = "unconfirmed-" + UUID.randomUUID();
        String body = Api.order(user, sku, 1, "AT");
        int web = TestStack.stack().managementPort(ServiceName.WEB);
        // a quiet start: the TC's asynchronous phase two may still be deleting earlier purchases' undo logs
        db.awaitNoUndoLogs();
        long undoLogsBefore = db.undoLogRows();

        api.fault(web, HOLD_BEFORE_COMMIT, true);
        CompletableFuture<Api.Reply> placing =
                CompletableFuture.supplyAsync(() -> api.as(user).post("/api/orders", body, key));
        Api.Reply first;
        String orderId;
        try {
            // the three branches committed locally: one undo log each
            await().atMost(Duration.ofSeconds(20)).until(() -> db.undoLogRows() >= undoLogsBefore + 3);
            TestStack.stack().killCoordinator();
            api.fault(web, HOLD_BEFORE_COMMIT, false);
            first = placing.get(90, TimeUnit.SECONDS);

            assertThat(first.status()).as("%s", first.body()).isEqualTo(202);
            assertThat(first.body().path("status").asText()).isEqualTo("UNKNOWN");
            assertThat(first.body().path("lastTransaction").path("status").asText())
                    .isEqualTo("UnKnown");
            orderId = first.body().path("orderId").asText();
            Api.Reply repeated = api.as(user).post("/api/orders", body, key);
            assertThat(repeated.status()).as("%s", repeated.body()).isEqualTo(202);
            assertThat(repeated.body().path("orderId").asText()).isEqualTo(orderId);
            assertThat(repeated.body().path("status").asText()).isEqualTo("UNKNOWN");
            assertThat(api.order(user, orderId).body().path("status").asText()).isEqualTo("UNKNOWN");
            Api.Reply cancel = api.cancel(orderId, user);
            assertThat(cancel.status()).as("%s", cancel.body()).isEqualTo(409);
            assertThat(cancel.code()).isEqualTo("ORDER_NOT_CANCELLABLE");
        } finally {
            api.fault(web, HOLD_BEFORE_COMMIT, false);
            TestStack.stack().restartCoordinator();
        }

        // never committed: the TC times the transaction out and undoes every branch
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(api.order(user, orderId).status()).isEqualTo(404);
                    assertThat(api.balance(user)).isEqualTo(balance);
                    assertThat(stock(db, sku)).isEqualTo(stock);
                });
        Api.Reply again = api.as(user).post("/api/orders", body, key);
        assertThat(again.status())
                .as("the key's first use was undone: %s", again.body())
                .isEqualTo(201);
        assertThat(again.body().path("orderId").asText()).isNotEqualTo(orderId);
        assertThat(again.body().path("status").asText()).isEqualTo("PLACED");
    }

    private static long stock(Databases db, long sku) {
        return db.number("tradeflow_inventory", "SELECT available FROM stock WHERE sku_id = " + sku);
    }
}
