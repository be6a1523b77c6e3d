package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancelling an order gives back its stock and money in one global transaction of the order's mode, once; a
 * cancellation that fails half-way (a provider down) is rolled back entirely and succeeds when retried.
 */
@Order(6)
@ExtendWith(TestStack.class)
class CancelIT {

    /** A user per mode and test, on both account shards. */
    private static Map<String, Long> users;

    private static Map<String, Long> outageUsers;

    @BeforeAll
    static void createUsers() {
        users = TestStack.db().newUserPerMode(100_000);
        outageUsers = TestStack.db().newUserPerMode(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT", "TCC", "XA"})
    void shouldGiveBackStockAndMoneyOnce(String mode) {
        Api api = TestStack.api();
        long user = users.get(mode);
        long sku = TestStack.db().newProduct(2_705, 1_000);
        long stock = api.available(sku);
        long balance = api.balance(user);
        Api.Reply placed = api.placeOrder(user, sku, 3, mode);
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();

        Api.Reply cancelled = api.cancel(orderId, user);

        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("mode").asText()).isEqualTo(mode);
        assertThat(cancelled.body().path("lastTransaction").path("action").asText())
                .isEqualTo("CANCEL");
        assertThat(cancelled.body().path("lastTransaction").path("status").asText())
                .isEqualTo("Committed");
        assertThat(api.available(sku)).isEqualTo(stock);
        assertThat(api.balance(user)).isEqualTo(balance);
        assertThat(api.frozen(user)).isZero();
        assertThat(api.reserved(sku)).isZero();

        Api.Reply again = api.cancel(orderId, user);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(cancelled.body());
        assertThat(api.available(sku)).isEqualTo(stock);
        assertThat(api.balance(user)).isEqualTo(balance);
    }

    @Test
    void shouldAnswer404ForSomeoneElsesOrUnknownOrders() {
        Api api = TestStack.api();
        long owner = TestStack.db().newUser(100_000);
        long someoneElse = TestStack.db().newUser(100_000);
        Api.Reply placed = api.placeOrder(owner, TestStack.db().newProduct(2_705, 1_000), 1, "AT");
        String orderId = placed.body().path("orderId").asText();
        long balance = api.balance(owner);

        assertThat(api.cancel(orderId, someoneElse).status()).isEqualTo(404);
        assertThat(api.cancel(orderId, someoneElse).code()).isEqualTo("NOT_FOUND");
        assertThat(api.cancel("123456789", owner).status()).isEqualTo(404);
        assertThat(api.as(owner)
                        .post("/api/orders/" + orderId + "/cancel", "{\"userId\":0}")
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.order(owner, orderId).body().path("status").asText()).isEqualTo("PLACED");
        assertThat(api.balance(owner)).isEqualTo(balance);
    }

    @Test
    void shouldRollBackACancellationWhoseWalletProviderIsDownAndSucceedOnRetry() {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long sku = db.newProduct(3_226, 1_000);
        Map<String, String> orders = new LinkedHashMap<>();
        Map<Long, Long> balances = new LinkedHashMap<>();
        outageUsers.values().forEach(user -> balances.put(user, api.balance(user)));
        outageUsers.forEach((mode, user) -> {
            Api.Reply placed = api.placeOrder(user, sku, 1, mode);
            assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
            orders.put(mode, placed.body().path("orderId").asText());
        });
        db.awaitNoUndoLogs();
        Map<String, List<Map<String, Object>>> before = db.snapshot();

        TestStack.stack().kill(ServiceName.ACCOUNT);
        try {
            // the order row changes and the stock goes back before the refund fails: all of it is rolled back
            orders.forEach((mode, orderId) -> {
                Api.Reply reply = api.cancel(orderId, outageUsers.get(mode));
                assertThat(reply.status()).as("%s %s", mode, reply.body()).isEqualTo(503);
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, List<Map<String, Object>>> now = db.snapshot();
                // the failed cancellations are recorded for the orders; nothing else changed
                now.keySet().stream()
                        .filter(table -> !table.endsWith("order_transactions"))
                        .forEach(table -> assertThat(now.get(table)).as(table).isEqualTo(before.get(table)));
                assertThat(db.undoLogRows()).isZero();
                assertThat(db.xaPreparedTotal()).isZero();
                assertThat(db.totalReserved()).isZero();
            });
            orders.forEach((mode, orderId) -> {
                Api.Reply order = api.order(outageUsers.get(mode), orderId);
                assertThat(order.body().path("status").asText()).as(mode).isEqualTo("PLACED");
                assertThat(order.body().path("lastTransaction").path("action").asText())
                        .isEqualTo("CANCEL");
                assertThat(order.body().path("lastTransaction").path("status").asText())
                        .as(mode)
                        .isNotEqualTo("Committed");
            });
        } finally {
            TestStack.stack().restart(ServiceName.ACCOUNT);
        }

        orders.forEach((mode, orderId) -> await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.cancel(orderId, outageUsers.get(mode))
                                .body()
                                .path("status")
                                .asText())
                        .as(mode)
                        .isEqualTo("CANCELLED")));
        balances.forEach((user, balance) -> assertThat(api.balance(user)).isEqualTo(balance));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(db.totalFrozen()).isZero();
            assertThat(db.undoLogRows()).isZero();
        });
    }
}
