package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A committed AT purchase changes stock, balance and orders exactly once; Idempotency-Key replays. */
@Order(2)
@ExtendWith(TestStack.class)
class PurchaseIT {

    @Test
    void shouldChargeStockMoneyAndOrdersExactlyOnce() {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = db.newUser(100_000);
        long sku = db.newProduct(999, 1_000);
        long stock = api.available(sku);
        long balance = api.balance(user);
        long orders = db.orderCount();

        Api.Reply reply = api.placeOrder(user, sku, 2);

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        assertThat(reply.body().path("status").asText()).isEqualTo("PLACED");
        assertThat(reply.body().path("mode").asText()).isEqualTo("AT");
        long amount = reply.body().path("amount").asLong();
        assertThat(amount).isEqualTo(2 * api.price(sku));
        long orderId = Long.parseLong(reply.body().path("orderId").asText());

        assertThat(api.available(sku)).isEqualTo(stock - 2);
        assertThat(api.balance(user)).isEqualTo(balance - amount);
        assertThat(db.orderCount()).isEqualTo(orders + 1);
        assertThat(db.stockLedgerOrderIds()).containsOnlyOnce(orderId);
        assertThat(db.walletLedgerOrderIds()).containsOnlyOnce(orderId);
        assertThat(api.as(user)
                        .get("/api/orders/" + orderId)
                        .body()
                        .path("amount")
                        .asLong())
                .isEqualTo(amount);
        assertThat(api.as(user).get("/api/users/" + user + "/orders").body().findValuesAsText("orderId"))
                .contains(String.valueOf(orderId));
        // phase two of AT deletes the undo logs asynchronously
        db.awaitNoUndoLogs();
    }

    /**
     * Each local transaction of a purchase (stock, money, order, in every mode) starts on a connection whose
     * auto-commit is off already: none of the connections that wrote the purchase's rows is sent
     * {@code SET autocommit}, two round trips per transaction saved.
     */
    @Test
    void shouldWriteAPurchaseWithoutSwitchingAnyConnectionsAutoCommit() {
        Api api = TestStack.api();
        long user = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(2_184, 1_000);
        for (String mode : List.of("AT", "TCC", "XA")) {
            List<Api.Reply> replies = new ArrayList<>();
            List<Databases.Received> received =
                    TestStack.db().statementsDuring(() -> replies.add(api.placeOrder(user, sku, 1, mode)));
            assertThat(replies.get(0).status())
                    .as("%s %s", mode, replies.get(0).body())
                    .isEqualTo(201);
            String orderId = replies.get(0).body().path("orderId").asText();

            Set<Long> writers = received.stream()
                    .filter(r -> r.text().contains(orderId) && r.text().startsWith("INSERT"))
                    .map(Databases.Received::connection)
                    .collect(Collectors.toSet());
            // the stock ledger, the wallet ledger and the order row, each written by its own service
            assertThat(writers).as(mode).hasSizeGreaterThanOrEqualTo(3);
            assertThat(received)
                    .as(mode)
                    .filteredOn(r -> writers.contains(r.connection()))
                    .noneMatch(r -> r.text().toLowerCase(Locale.ROOT).startsWith("set autocommit"));
        }
    }

    @Test
    void shouldAnswerTheFirstOrderForARepeatedIdempotencyKeyAndChargeOnce() {
        Api api = TestStack.api();
        long user = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(1_663, 1_000);
        String key = UUID.randomUUID().toString();
        long balance = api.balance(user);

        Api.Reply first = api.as(user).post("/api/orders", Api.order(user, sku, 1), key);
        Api.Reply again = api.as(user).post("/api/orders", Api.order(user, sku, 1), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("orderId").asText())
                .isEqualTo(first.body().path("orderId").asText());
        assertThat(api.balance(user))
                .isEqualTo(balance - first.body().path("amount").asLong());
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedWithAnotherBody() {
        Api api = TestStack.api();
        long user = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(2_184, 1_000);
        String key = UUID.randomUUID().toString();
        assertThat(api.as(user)
                        .post("/api/orders", Api.order(user, sku, 1), key)
                        .status())
                .isEqualTo(201);
        long balance = api.balance(user);

        Api.Reply reused = api.as(user).post("/api/orders", Api.order(user, sku, 2), key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(api.balance(user)).isEqualTo(balance);
    }

    @Test
    void shouldChargeOnceWhenOneKeyArrivesConcurrently() throws Exception {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = db.newUser(100_000);
        long sku = db.newProduct(2_705, 1_000);
        String key = UUID.randomUUID().toString();
        long balance = api.balance(user);
        long orders = db.orderCount();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> api.as(user).post("/api/orders", Api.order(user, sku, 1), key));
        }
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> f : pool.invokeAll(calls)) {
            replies.add(f.get());
        }
        pool.shutdown();

        assertThat(replies).extracting(Api.Reply::status).containsOnly(200, 201);
        assertThat(replies)
                .extracting(r -> r.body().path("orderId").asText())
                .containsOnly(replies.get(0).body().path("orderId").asText());
        assertThat(db.orderCount()).isEqualTo(orders + 1);
        assertThat(api.balance(user)).isEqualTo(balance - api.price(sku));
    }
}
