package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Purchases and cancellations in AT, TCC and XA at the same time (over 300 requests from 16 clients), on shared
 * wallets and stock: money and stock are conserved, nothing stays frozen, reserved, prepared or half-cancelled.
 */
@Order(8)
@ExtendWith(TestStack.class)
class MixedModesIT {

    private static final int PURCHASES = 240;
    private static final int THREADS = 16;
    private static final String[] MODES = {"AT", "TCC", "XA"};
    private static final int USERS = 50;
    private static final int SKUS = 10;
    private static final String HOLD = "order.place.before-commit";
    private static final String FAIL = "order.place.fail-before-commit";

    @Test
    void shouldConserveMoneyAndStockUnderConcurrentPurchasesAndCancellationsInEveryMode() throws Exception {
        Databases db = TestStack.db();
        // created before the money and stock are counted: 1000.00 each, and 1000 units each at 47.89 to 94.78
        List<Long> users = db.newUsers(USERS, 100_000);
        List<Long> skus = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            skus.add(db.newProduct(4_789 + 521L * i, 1_000));
        }
        long money = db.totalBalance() + db.totalKeptOrderAmount();
        long stock = db.totalStock() + db.totalKeptOrderQuantity();

        Random random = new Random(7);
        List<Callable<List<String>>> work = new ArrayList<>();
        for (int i = 0; i < PURCHASES; i++) {
            long user = users.get(random.nextInt(USERS));
            long sku = skus.get(random.nextInt(SKUS));
            // one in ten far too expensive for any wallet: rolled back
            int quantity = random.nextInt(10) == 0 ? 900 : 1 + random.nextInt(3);
            String mode = MODES[random.nextInt(MODES.length)];
            boolean cancel = random.nextInt(3) != 0;
            work.add(() -> purchaseAndMaybeCancel(user, sku, quantity, mode, cancel));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<List<String>> done : pool.invokeAll(work)) {
            done.get().forEach(outcome -> outcomes.merge(outcome, 1, Integer::sum));
        }
        pool.shutdown();

        System.out.println("mixed-mode purchases and cancellations: " + outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum())
                .as("requests")
                .isGreaterThanOrEqualTo(300);
        for (String mode : MODES) {
            assertThat(outcomes.getOrDefault(mode + " place 201", 0))
                    .as(mode + " purchases")
                    .isPositive();
            assertThat(outcomes.getOrDefault(mode + " cancel 200", 0))
                    .as(mode + " cancellations")
                    .isPositive();
        }
        assertThat(outcomes.keySet()).as("no internal errors").noneMatch(o -> o.endsWith(" 500"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(db.totalBalance() + db.totalKeptOrderAmount())
                    .as("money")
                    .isEqualTo(money);
            assertThat(db.totalStock() + db.totalKeptOrderQuantity())
                    .as("stock")
                    .isEqualTo(stock);
            assertThat(db.totalFrozen()).as("frozen").isZero();
            assertThat(db.totalReserved()).as("reserved").isZero();
            assertThat(db.ordersIn("PENDING") + db.ordersIn("CANCELLING"))
                    .as("orders in flight")
                    .isZero();
            assertThat(db.ledgerRows("RETURN")).isEqualTo(db.ordersIn("CANCELLED"));
            assertThat(db.ledgerRows("REFUND")).isEqualTo(db.ordersIn("CANCELLED"));
            assertThat(db.ledgerRows("RESERVE")
                            + db.ledgerRows("FREEZE")
                            + db.ledgerRows("RETURN_PENDING")
                            + db.ledgerRows("REFUND_PENDING"))
                    .as("pending movements")
                    .isZero();
            assertThat(db.undoLogRows()).isZero();
            assertThat(db.xaPreparedTotal()).isZero();
        });
    }

    /**
     * A TCC confirm settles reserved stock and frozen money without asking for AT locks (no AT statement writes
     * those columns): it goes through while an AT purchase of the same user and sku holds both rows, and that
     * purchase's rollback afterwards still finds its columns as it left them and restores them.
     */
    @Test
    void shouldConfirmATccPurchaseWhileAnAtPurchaseHoldsItsRowsAndStillRollThatOneBack() throws Exception {
        Databases db = TestStack.db();
        long user = db.newUser(100_000);
        long sku = db.newProduct(2_311, 1_000);
        Api tccWeb = TestStack.api(ServiceName.WEB);
        Api atWeb = TestStack.api(ServiceName.WEB_TRANSACTIONAL);
        long balance = tccWeb.balance(user);
        long stock = tccWeb.available(sku);
        db.awaitNoUndoLogs();
        try {
            fault(ServiceName.WEB, HOLD, true);
            CompletableFuture<Api.Reply> tcc =
                    CompletableFuture.supplyAsync(() -> tccWeb.placeOrder(user, sku, 1, "TCC"));
            await().atMost(Duration.ofSeconds(20)).until(() -> db.inFlightXids("TCC"), xids -> !xids.isEmpty());

            fault(ServiceName.WEB_TRANSACTIONAL, HOLD, true);
            fault(ServiceName.WEB_TRANSACTIONAL, FAIL, true);
            CompletableFuture<Api.Reply> at = CompletableFuture.supplyAsync(() -> atWeb.placeOrder(user, sku, 1, "AT"));
            String atXid = await().atMost(Duration.ofSeconds(20))
                    .until(() -> db.inFlightXids("AT"), xids -> xids.size() == 1)
                    .iterator()
                    .next();

            fault(ServiceName.WEB, HOLD, false);
            Api.Reply confirmed = tcc.get(30, TimeUnit.SECONDS);
            assertThat(confirmed.status()).as("%s", confirmed.body()).isEqualTo(201);
            assertThat(confirmed.body().path("lastTransaction").path("status").asText())
                    .as("confirmed at once, not retried after the AT purchase let go")
                    .isEqualTo("Committed");
            assertThat(db.undoLogRows(atXid))
                    .as("the AT purchase still holds its rows")
                    .isEqualTo(3);

            fault(ServiceName.WEB_TRANSACTIONAL, HOLD, false);
            Api.Reply rolledBack = at.get(30, TimeUnit.SECONDS);
            assertThat(rolledBack.status()).as("%s", rolledBack.body()).isEqualTo(500);
        } finally {
            for (ServiceName web : List.of(ServiceName.WEB, ServiceName.WEB_TRANSACTIONAL)) {
                fault(web, HOLD, false);
                fault(web, FAIL, false);
            }
        }
        assertThat(db.undoLogRows()).as("rolled back, not left dirty").isZero();
        assertThat(tccWeb.balance(user)).isEqualTo(balance - tccWeb.price(sku));
        assertThat(tccWeb.frozen(user)).isZero();
        assertThat(tccWeb.available(sku)).isEqualTo(stock - 1);
        assertThat(tccWeb.reserved(sku)).isZero();
    }

    private static void fault(ServiceName web, String fault, boolean armed) {
        TestStack.api().fault(TestStack.stack().managementPort(web), fault, armed);
    }

    private static List<String> purchaseAndMaybeCancel(long user, long sku, int quantity, String mode, boolean cancel) {
        Api api = TestStack.api();
        Api.Reply placed = api.placeOrder(user, sku, quantity, mode);
        List<String> outcomes = new ArrayList<>(List.of(mode + " place " + placed.status()));
        if (cancel && placed.status() == 201) {
            Api.Reply cancelled = api.cancel(placed.body().path("orderId").asText(), user);
            outcomes.add(mode + " cancel " + cancelled.status());
        }
        return outcomes;
    }
}
